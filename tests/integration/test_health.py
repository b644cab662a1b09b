"""``/_health`` tells a load balancer whether the database answers: 200, or 503 while it does not."""

from __future__ import annotations

import sqlalchemy as sa

from harness import services
from harness.app_process import app_environment, backend_command, free_port, running


def test_health_follows_the_database_down_and_back_up(project_copy, tmp_path):
    with services.throwaway_database("health") as url:
        name = sa.make_url(url).database
        env = app_environment(DATABASE_URL=url)
        with running([backend_command(free_port())], env, project_copy, tmp_path) as (app,):
            up = app.get("/_health")
            assert (up.status_code, up.json()) == (200, {"status": True, "db": True})

            services.drop_database(name)  # the database server no longer has it
            down = app.get("/_health")
            assert (down.status_code, down.json()) == (503, {"status": False, "db": False})
            alive = app.get("/ping")
            assert (alive.status_code, alive.json()) == (200, "pong"), "the process itself still answers"

            services.create_database(name)
            back = app.get("/_health")
            assert (back.status_code, back.json()) == (200, {"status": True, "db": True})
