"""The one-page-per-post benchmark app."""
