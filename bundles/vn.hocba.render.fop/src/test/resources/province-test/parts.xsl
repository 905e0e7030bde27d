<?xml version="1.0" encoding="UTF-8"?>
<!-- Included by record.xsl: templates can be split into files of their bundle. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:template name="title">
    <fo:block font-size="16pt">MẪU HỌC BẠ CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO THỬ NGHIỆM</fo:block>
  </xsl:template>
</xsl:stylesheet>
