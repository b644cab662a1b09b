"""HTML-first: the server writes each content page into the first response, and React keeps it.

``slot`` is what the client shell shows until the page's code loads (React Router's hydrate
fallback), ``seed`` puts the page's state into that response so React's first render of the
page equals what the server wrote, and ``first_response`` fills the shell for one page.
"""
