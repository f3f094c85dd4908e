#!/usr/bin/python3
"""Headless QGIS as a test client for a bostad export (tests/integration/export_test.cpp runs it).

Usage: qgis_check.py FILE.gpkg PROJECT_NAME OUT_DIR

Loads every feature layer of FILE.gpkg as QGIS does when a planner drags it in (the default style comes
from layer_styles), renders each into OUT_DIR/<layer>.png, then opens the embedded project
PROJECT_NAME from the GeoPackage and exports its first print layout to OUT_DIR/layout.png. Prints one
JSON document with what it saw; the C++ test decides what is right. Exit code 0 unless QGIS itself fails.

Needs Debian's python3-qgis and Debian's /usr/bin/python3.
"""
import json
import os
import sys
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp()
os.chmod(os.environ["XDG_RUNTIME_DIR"], 0o700)
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp()

from qgis.core import (QgsApplication, QgsLayoutExporter, QgsMapRendererParallelJob, QgsMapSettings,  # noqa: E402
                       QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QImage  # noqa: E402
from osgeo import ogr  # noqa: E402


def inked(img):
    white = QColor("white").rgb()
    return sum(1 for y in range(0, img.height(), 2) for x in range(0, img.width(), 2)
               if img.pixel(x, y) != white and QColor(img.pixel(x, y)).alpha() > 0)


def render(layer, out_png):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    extent = layer.extent()
    extent.scale(1.05)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(500, 400))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    img.save(out_png, "png")
    return {"errors": [e.message for e in job.errors()], "inked": inked(img)}


def check_layer(gpkg, name, out_dir):
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    seen = {"valid": layer.isValid()}
    if not layer.isValid():
        return seen
    fields = layer.fields()
    seen["renderer"] = layer.renderer().type()
    seen["features"] = layer.featureCount()
    seen["crs"] = layer.crs().authid()
    seen["aliases"] = {f.name(): layer.attributeAlias(i) for i, f in enumerate(fields)}
    seen["widgets"] = {f.name(): layer.editorWidgetSetup(i).type() for i, f in enumerate(fields)}
    if seen["renderer"] == "categorizedSymbol":
        seen["categories"] = {str(c.value()): c.label() for c in layer.renderer().categories()}
    if seen["renderer"] == "graduatedSymbol":
        seen["ranges"] = [r.label() for r in layer.renderer().ranges()]
    seen["labels"] = layer.labelsEnabled()
    if layer.featureCount() > 0:
        seen["render"] = render(layer, os.path.join(out_dir, name + ".png"))
    return seen


def check_project(gpkg, project_name, out_dir):
    project = QgsProject.instance()
    seen = {"read": project.read(f"geopackage:{gpkg}?projectName={project_name}")}
    if not seen["read"]:
        return seen
    seen["crs"] = project.crs().authid()
    seen["title"] = project.title()
    root = project.layerTreeRoot()
    seen["order"] = [n.name() for n in root.findLayers()]
    seen["layers"] = {l.name(): {"valid": l.isValid(), "renderer": l.renderer().type() if l.isValid() else None,
                                 "features": l.featureCount() if l.isValid() else None}
                      for l in project.mapLayers().values()}
    layouts = project.layoutManager().layouts()
    seen["layouts"] = []
    for layout in layouts:
        items = sorted(type(i).__name__ for i in layout.items() if hasattr(i, "uuid"))
        entry = {"name": layout.name(), "items": items}
        texts = [i.text() for i in layout.items() if type(i).__name__ == "QgsLayoutItemLabel"]
        entry["labels"] = texts
        maps = [i for i in layout.items() if type(i).__name__ == "QgsLayoutItemMap"]
        if maps:
            e = maps[0].extent()
            entry["map_extent"] = [e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()]
        png = os.path.join(out_dir, "layout.png")
        exporter = QgsLayoutExporter(layout)
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = 40
        entry["export"] = int(exporter.exportToImage(png, settings))
        entry["inked"] = inked(QImage(png)) if entry["export"] == 0 else 0
        seen["layouts"].append(entry)
    project.clear()
    return seen


def main():
    gpkg, project_name, out_dir = sys.argv[1:4]
    ds = ogr.Open(gpkg)
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())
             if ds.GetLayer(i).GetGeomType() != ogr.wkbNone]
    ds = None
    report = {"layers": {n: check_layer(gpkg, n, out_dir) for n in names}}
    report["project"] = check_project(gpkg, project_name, out_dir)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if len(sys.argv) != 4:
    print(__doc__)
    sys.exit(2)
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
main()
app.exitQgis()
