"""The blog itself: the index and the post pages, their URL parameters, reads, states and components."""
