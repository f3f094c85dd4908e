<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- bostad: detaljplaner by their status at the end of the month, categorized with the Swedish names of the
     statuses and the colours of gis/palette.json ("plan_status"), drawn semi-transparent over the areas.
     The classes and aliases are filled in by src/export/layer_styles.cpp. -->
<qgis version="3.22.0" styleCategories="AllStyleCategories" labelsEnabled="0" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0">
  <renderer-v2 type="categorizedSymbol" attr="status" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
{{classes}}
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>0.75</layerOpacity>
  <aliases>
{{aliases}}
  </aliases>
  <previewExpression>"plan_id" || ' ' || coalesce("name", '')</previewExpression>
  <layerGeometryType>2</layerGeometryType>
</qgis>
