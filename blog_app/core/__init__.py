"""What every feature shares: settings, run mode, database, models, visibility, outage, caches, assets, headers.

Imports no feature package (content parsing aside, nothing here knows pages or posts beyond the tables).
"""
