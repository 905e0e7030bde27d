<?xml version="1.0" encoding="UTF-8"?>
<!-- A province's own layout, as a template bundle would ship it: one page, its emblem from the bundle. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:r="urn:hocba:record:1" exclude-result-prefixes="r">
  <xsl:include href="parts.xsl"/>
  <xsl:param name="qr-modules" select="21"/>
  <xsl:param name="qr-path" select="''"/>
  <xsl:template match="/r:record">
    <!-- no font-family here on purpose: the renderer supplies an embedded one -->
    <fo:root>
      <fo:layout-master-set>
        <fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="15mm">
          <fo:region-body margin-bottom="30mm"/>
          <fo:region-after extent="25mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="p">
        <fo:static-content flow-name="xsl-region-after">
          <fo:block>
            <fo:instream-foreign-object content-width="20mm" content-height="20mm">
              <svg:svg width="{$qr-modules + 8}" height="{$qr-modules + 8}" viewBox="-4 -4 {$qr-modules + 8} {$qr-modules + 8}">
                <svg:rect x="-4" y="-4" width="{$qr-modules + 8}" height="{$qr-modules + 8}" fill="#ffffff"/>
                <svg:path d="{$qr-path}" fill="#000000"/>
              </svg:svg>
            </fo:instream-foreign-object>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block><fo:external-graphic src="url(template:emblem.svg)" content-width="15mm"/></fo:block>
          <xsl:call-template name="title"/>
          <fo:block><xsl:value-of select="r:pupil/r:fullName"/> – <xsl:value-of select="r:school/@name"/></fo:block>
          <xsl:for-each select="r:assessment/r:subjects/r:subject">
            <fo:block><xsl:value-of select="@label"/>: <xsl:value-of select="@level"/></fo:block>
          </xsl:for-each>
          <fo:block-container id="sig-HOMEROOM_TEACHER" width="50mm" height="20mm" background-color="white"><fo:block/></fo:block-container>
          <fo:block-container id="sig-PRINCIPAL" width="50mm" height="20mm" background-color="white"><fo:block/></fo:block-container>
          <fo:block-container id="sig-SCHOOL_SEAL" width="30mm" height="30mm" background-color="white"><fo:block/></fo:block-container>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
