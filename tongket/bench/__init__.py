"""HTTP measurements of tongket as it is served (`make bench-http`, `make loadtest`).

An app only under the bench settings (`tongket.bench.settings`): the product's settings and
URLs know nothing of it. It adds the floor page (a login-required page rendering the base
layout, the least an authenticated page costs) and the two commands that start gunicorn on
a loopback port over the national PostgreSQL data set and drive it."""
