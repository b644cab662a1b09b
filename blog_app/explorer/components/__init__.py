"""Components of the explorer page; they take Vars, never State classes."""
