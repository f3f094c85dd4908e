<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- bostad: rows an ingest did not accept, where they have a geometry (points, lines or polygons: one layer
     each), categorized by what was being ingested (gis/palette.json, "rejected_kind"), so planners can find
     and fix them in their sources. The classes, aliases and geometry type are filled in by
     src/export/layer_styles.cpp. -->
<qgis version="3.22.0" styleCategories="AllStyleCategories" labelsEnabled="0" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0">
  <renderer-v2 type="categorizedSymbol" attr="kind" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
{{classes}}
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <aliases>
{{aliases}}
  </aliases>
  <previewExpression>"reason_code" || ': ' || "message"</previewExpression>
  <layerGeometryType>{{geometry_type}}</layerGeometryType>
</qgis>
