"""``python -m blog_app``: see blog_app.cli."""

import sys

from blog_app.cli import main

sys.exit(main())
