"""Getting posts from content/ to the database: ingest, start-up, the dev watcher, check, link check, new post."""
