"""Components of the index and post pages; they take Vars, never State classes."""
