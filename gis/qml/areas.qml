<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- bostad: the areas of an area set with the month's status. Graduated colours on the capacity of plans with
     legal force that no permit has used yet (classes in gis/palette.json, "remaining_capacity"); labelled with
     the area's name. The classes and aliases are filled in by src/export/layer_styles.cpp. -->
<qgis version="3.22.0" styleCategories="AllStyleCategories" labelsEnabled="1" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0">
  <renderer-v2 type="graduatedSymbol" attr="remaining_capacity" graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
{{classes}}
    <mode name="fixed"/>
    <rotation/>
    <sizescale/>
    <labelformat format="%1 – %2" decimalplaces="0" trimtrailingzeroes="1"/>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="name" isExpression="0" fontFamily="DejaVu Sans" fontSize="8" fontSizeUnit="Point" fontWeight="50" namedStyle="Book" textColor="40,40,40,255" textOpacity="1" multilineHeight="1" allowHtml="0">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.9" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0"/>
      </text-style>
      <text-format wrapChar="" multilineAlign="3" autoWrapLength="0" plussign="0" formatNumbers="0" decimals="0" reverseDirectionSymbol="0" leftDirectionSymbol="&lt;" rightDirectionSymbol="&gt;" placeDirectionSymbol="0" addDirectionSymbol="0"/>
      <placement placement="1" placementFlags="10" dist="0" distUnits="MM" priority="5" offsetType="0" quadOffset="4" xOffset="0" yOffset="0" offsetUnits="MM" centroidWhole="0" centroidInside="1" fitInPolygonOnly="0" overrunDistance="0" layerType="PolygonGeometry"/>
      <rendering drawLabels="1" obstacle="1" obstacleType="1" obstacleFactor="1" scaleVisibility="0" fontLimitPixelSize="0" displayAll="0" upsidedownLabels="0" limitNumLabels="0" minFeatureSize="0" labelPerPart="0" mergeLines="0" zIndex="0"/>
    </settings>
  </labeling>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <aliases>
{{aliases}}
  </aliases>
  <previewExpression>"name"</previewExpression>
  <layerGeometryType>2</layerGeometryType>
</qgis>
