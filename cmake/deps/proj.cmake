# PROJ: used through GDAL's OSR; linked directly only to switch network access off.
find_package(PROJ 9 CONFIG REQUIRED)
