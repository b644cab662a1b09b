"""One page with one line of text, and nothing else."""

import reflex as rx

app = rx.App()
app.add_page(rx.text("Hello from a blank Reflex app.", id="hello"), route="/")
