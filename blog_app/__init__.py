"""blog_app: a Reflex blog about Python web frameworks."""
