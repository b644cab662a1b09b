"""Small UI pieces that take Vars, never State classes."""
