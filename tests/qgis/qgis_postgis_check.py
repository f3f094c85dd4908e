#!/usr/bin/python3
"""Headless QGIS connected to a bostad PostGIS store (tests/postgis/postgis_store_test.cpp runs it).

Usage: qgis_postgis_check.py HOST PORT DBNAME USER SCHEMA TABLE...

Adds each TABLE of SCHEMA as a PostGIS layer, the way a planner does from the browser (QGIS then applies
the default style it finds in the database's layer_styles), and prints one JSON document with what QGIS
saw: validity, feature count, renderer type and attribute, categories and the styles stored for the layer.
The C++ test decides what is right. Exit code 0 unless QGIS itself fails.
"""
import json
import os
import sys
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp()
os.chmod(os.environ["XDG_RUNTIME_DIR"], 0o700)
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp()

from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer  # noqa: E402


def main():
    host, port, dbname, user, schema = sys.argv[1:6]
    app = QgsApplication([], False)
    app.initQgis()
    out = {}
    for table in sys.argv[6:]:
        uri = QgsDataSourceUri()
        uri.setConnection(host, port, dbname, user, "")
        uri.setDataSource(schema, table, "geom", "", "fid")
        layer = QgsVectorLayer(uri.uri(False), table, "postgres")
        seen = {"valid": layer.isValid()}
        if layer.isValid():
            renderer = layer.renderer()
            seen["features"] = layer.featureCount()
            seen["crs"] = layer.crs().authid()
            seen["renderer"] = renderer.type()
            seen["attribute"] = renderer.classAttribute() if hasattr(renderer, "classAttribute") else None
            seen["categories"] = ([str(c.value()) for c in renderer.categories()]
                                  if hasattr(renderer, "categories") else [])
            count, ids, names, descriptions, error = layer.listStylesInDatabase()
            seen["stored_styles"] = names[:count] if count > 0 else []
        out[table] = seen
    print(json.dumps(out, indent=2, ensure_ascii=False))
    app.exitQgis()


if __name__ == "__main__":
    main()
