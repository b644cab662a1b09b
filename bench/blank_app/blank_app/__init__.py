"""The blank benchmark app."""
