# libpq: the PostgreSQL client library behind the PostGIS store (--db PG:...).
find_package(PostgreSQL REQUIRED)
