<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- bostad: building permits (bygglov) by their stage at the end of the month, categorized with the Swedish
     names of the stages and the colours of gis/palette.json ("stage"). Completed permits are drawn first and the
     early stages on top, so the live pipeline stays visible. The classes and aliases are filled in by
     src/export/layer_styles.cpp. -->
<qgis version="3.22.0" styleCategories="AllStyleCategories" labelsEnabled="0" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0">
  <renderer-v2 type="categorizedSymbol" attr="stage" symbollevels="0" enableorderby="1" forceraster="0" referencescale="-1">
{{classes}}
    <rotation/>
    <sizescale/>
    <orderby>
      <orderByClause asc="0" nullsFirst="0">"stage_order"</orderByClause>
    </orderby>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <aliases>
{{aliases}}
  </aliases>
  <previewExpression>"case_id"</previewExpression>
  <layerGeometryType>0</layerGeometryType>
</qgis>
