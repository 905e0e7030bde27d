<?xml version="1.0" encoding="UTF-8"?>
<!--
  The default layout of the học bạ (Thông tư 27/2020, cấp tiểu học): an identity page with the study history,
  then the year page. Input: the record XML (urn:hocba:record:1, schema/record-1.xsd). Output: XSL-FO 1.1 for FOP.
  Template contract: see vn.hocba.render.spi.RenderTemplate (parameters, sig-* containers, no fo:declarations).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:r="urn:hocba:record:1"
    exclude-result-prefixes="r svg">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="verification-url" select="''"/>
  <xsl:param name="qr-modules" select="21"/>
  <xsl:param name="qr-path" select="''"/>
  <xsl:param name="qr-image" select="''"/>
  <xsl:param name="data-sha256" select="''"/>
  <xsl:param name="principal-name" select="''"/>
  <xsl:param name="principal-title" select="''"/>

  <xsl:variable name="rec" select="/r:record"/>
  <xsl:variable name="a" select="$rec/r:assessment"/>
  <xsl:variable name="not-assessed" select="$a/@disabledNotAssessed = 'true'"/>
  <xsl:variable name="grade" select="number($rec/r:class/@grade)"/>

  <!-- table cell look -->
  <xsl:attribute-set name="cell">
    <xsl:attribute name="border">0.5pt solid black</xsl:attribute>
    <xsl:attribute name="padding">0.8pt 2.5pt</xsl:attribute>
    <xsl:attribute name="display-align">center</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="head-cell" use-attribute-sets="cell">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="background-color">#eeeeee</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="heading">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
    <xsl:attribute name="space-after">2pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template match="/">
    <fo:root font-family="Liberation Serif" font-size="10pt" line-height="1.2" language="vi"
             hyphenate="false">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="a4" page-width="210mm" page-height="297mm"
            margin-top="10mm" margin-bottom="8mm" margin-left="20mm" margin-right="15mm">
          <fo:region-body margin-bottom="24mm"/>
          <fo:region-after extent="21mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>

      <fo:page-sequence master-reference="a4" id="identity-page">
        <xsl:call-template name="footer"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="identity-page"/>
        </fo:flow>
      </fo:page-sequence>

      <fo:page-sequence master-reference="a4" id="year-page">
        <xsl:call-template name="footer"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="year-page"/>
          <fo:block id="end-of-record"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- ========== footer: QR code with the verification link, record id, page numbers ========== -->
  <xsl:template name="footer">
    <fo:static-content flow-name="xsl-region-after">
      <fo:table table-layout="fixed" width="100%" border-top="0.5pt solid #777777">
        <fo:table-column column-width="21mm"/>
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-column column-width="22mm"/>
        <fo:table-body>
          <fo:table-row>
            <fo:table-cell padding-top="1mm">
              <fo:block line-height="1" font-size="0pt">
                <!-- a 1-bit PNG, the same image object on every page (an SVG would be drawn again per page) -->
                <fo:external-graphic src="url('{$qr-image}')" content-width="19mm" content-height="19mm"/>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell padding-top="2mm" padding-left="2mm" font-size="7.5pt" line-height="1.25">
              <fo:block>
                <xsl:text>Học bạ số tiểu học – </xsl:text>
                <xsl:value-of select="$rec/r:pupil/r:fullName"/>
                <xsl:text> – Lớp </xsl:text><xsl:value-of select="$rec/r:class/@name"/>
                <xsl:text> – Năm học </xsl:text><xsl:value-of select="$rec/r:class/@schoolYear"/>
              </fo:block>
              <fo:block>
                <xsl:text>Mã hồ sơ: </xsl:text><xsl:value-of select="$rec/@id"/>
                <xsl:text> · Phiên bản </xsl:text><xsl:value-of select="$rec/@version"/>
              </fo:block>
              <fo:block>
                <xsl:text>Kiểm tra tính xác thực: quét mã QR hoặc truy cập </xsl:text>
                <xsl:choose>
                  <xsl:when test="contains($verification-url, '?')">
                    <xsl:value-of select="substring-before($verification-url, '?')"/>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="$verification-url"/></xsl:otherwise>
                </xsl:choose>
              </fo:block>
              <fo:block font-size="6.5pt" color="#333333">
                <xsl:text>SHA-256 dữ liệu đính kèm: </xsl:text><xsl:value-of select="$data-sha256"/>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell padding-top="2mm" font-size="8pt" text-align="end">
              <fo:block>Trang <fo:page-number/>/<fo:page-number-citation-last ref-id="year-page"/></fo:block>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
    </fo:static-content>
  </xsl:template>

  <!-- ========== page 1: identity and study history ========== -->
  <xsl:template name="identity-page">
    <xsl:variable name="p" select="$rec/r:pupil"/>
    <fo:block text-align="center" font-weight="bold" font-size="11pt">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</fo:block>
    <fo:block text-align="center" font-weight="bold" font-size="11pt">Độc lập – Tự do – Hạnh phúc</fo:block>
    <fo:block text-align="center" space-after="10mm">
      <fo:leader leader-pattern="rule" leader-length="50mm" rule-thickness="0.5pt"/>
    </fo:block>
    <fo:block text-align="center" font-weight="bold" font-size="26pt" letter-spacing="2pt">HỌC BẠ</fo:block>
    <fo:block text-align="center" font-weight="bold" font-size="14pt" space-after="8mm">TIỂU HỌC</fo:block>

    <fo:table table-layout="fixed" width="100%" font-size="11pt">
      <fo:table-column column-width="62mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Trường</xsl:with-param>
          <xsl:with-param name="value" select="$rec/r:school/@name"/>
          <xsl:with-param name="bold" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Mã trường</xsl:with-param>
          <xsl:with-param name="value" select="$rec/r:school/@code"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Họ và tên học sinh</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:fullName"/>
          <xsl:with-param name="bold" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Giới tính</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:sex"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Ngày sinh</xsl:with-param>
          <xsl:with-param name="value">
            <xsl:call-template name="date"><xsl:with-param name="d" select="$p/r:dateOfBirth"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Dân tộc</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:ethnicity"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Quốc tịch</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:nationality"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Nơi sinh</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:placeOfBirth"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Quê quán</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:homeTown"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Nơi ở hiện nay</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:address"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Họ và tên cha</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:fatherName"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Họ và tên mẹ</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:motherName"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Người giám hộ (nếu có)</xsl:with-param>
          <xsl:with-param name="value" select="$p/r:guardianName"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Mã định danh cá nhân</xsl:with-param>
          <xsl:with-param name="value" select="$p/@personalId"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="label">Mã học sinh</xsl:with-param>
          <xsl:with-param name="value" select="$p/@code"/>
        </xsl:call-template>
      </fo:table-body>
    </fo:table>

    <fo:block text-align="center" font-weight="bold" font-size="13pt" space-before="9mm" space-after="3mm"
              keep-with-next.within-page="always">QUÁ TRÌNH HỌC TẬP</fo:block>
    <fo:table table-layout="fixed" width="100%" font-size="10pt">
      <fo:table-column column-width="24mm"/>
      <fo:table-column column-width="14mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="24mm"/>
      <fo:table-column column-width="30mm"/>
      <fo:table-header>
        <fo:table-row>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Năm học</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Lớp</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Tên trường</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Số đăng bộ</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Ngày nhập học / chuyển đến</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$rec/r:history/r:entry">
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell xsl:use-attribute-sets="cell" text-align="center"><fo:block><xsl:value-of select="@schoolYear"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell" text-align="center"><fo:block><xsl:value-of select="@class"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="."/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell" text-align="center"><fo:block><xsl:value-of select="@registrationNo"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell" text-align="center"><fo:block>
              <xsl:call-template name="date"><xsl:with-param name="d" select="@admissionDate"/></xsl:call-template>
            </fo:block></fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
        <xsl:if test="not($rec/r:history/r:entry)">
          <fo:table-row>
            <fo:table-cell xsl:use-attribute-sets="cell" number-columns-spanned="5" text-align="center">
              <fo:block font-style="italic">Chưa có dữ liệu</fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:if>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="field">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="bold" select="false()"/>
    <fo:table-row>
      <fo:table-cell padding="1.5pt 0"><fo:block><xsl:value-of select="$label"/>:</fo:block></fo:table-cell>
      <fo:table-cell padding="1.5pt 0">
        <fo:block>
          <xsl:if test="$bold"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
          <xsl:choose>
            <xsl:when test="string($value) != ''"><xsl:value-of select="$value"/></xsl:when>
            <xsl:otherwise><fo:leader leader-pattern="dots" leader-length="60mm"/></xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- ========== the year page ========== -->
  <xsl:template name="year-page">
    <fo:block text-align="center" font-weight="bold" font-size="13pt">
      KẾT QUẢ GIÁO DỤC NĂM HỌC <xsl:value-of select="$rec/r:class/@schoolYear"/>
    </fo:block>
    <fo:table table-layout="fixed" width="100%" space-before="2mm" space-after="1mm">
      <fo:table-column column-width="proportional-column-width(3)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <fo:table-row>
          <fo:table-cell><fo:block>Họ và tên học sinh: <fo:inline font-weight="bold"><xsl:value-of select="$rec/r:pupil/r:fullName"/></fo:inline></fo:block></fo:table-cell>
          <fo:table-cell><fo:block>Lớp: <fo:inline font-weight="bold"><xsl:value-of select="$rec/r:class/@name"/></fo:inline></fo:block></fo:table-cell>
        </fo:table-row>
        <fo:table-row>
          <fo:table-cell><fo:block>Trường: <xsl:value-of select="$rec/r:school/@name"/></fo:block></fo:table-cell>
          <fo:table-cell><fo:block>Năm học: <xsl:value-of select="$rec/r:class/@schoolYear"/></fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
    <xsl:if test="$rec/r:correction">
      <fo:block font-size="8.5pt" font-style="italic">
        Bản điều chỉnh: phiên bản <xsl:value-of select="$rec/@version"/> thay thế phiên bản <xsl:value-of select="$rec/r:correction/@replacesVersion"/>.
      </fo:block>
    </xsl:if>
    <xsl:if test="$a/@supplementary = 'true'">
      <fo:block font-size="8.5pt" font-style="italic">Kết quả sau đánh giá bổ sung.</fo:block>
    </xsl:if>
    <xsl:if test="$not-assessed">
      <fo:block border="0.8pt solid black" padding="2pt 4pt" space-before="2pt" font-weight="bold" text-align="center">
        Học sinh khuyết tật không đánh giá: không ghi mức đạt được, điểm kiểm tra và kết quả giáo dục
        (đánh giá theo kế hoạch giáo dục cá nhân).
      </fo:block>
    </xsl:if>

    <!-- 1. subjects and activities -->
    <fo:block xsl:use-attribute-sets="heading">1. Các môn học và hoạt động giáo dục</fo:block>
    <fo:table table-layout="fixed" width="100%" font-size="9pt" line-height="1.15">
      <fo:table-column column-width="40mm"/>
      <fo:table-column column-width="15mm"/>
      <fo:table-column column-width="19mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-header font-size="8.5pt">
        <fo:table-row>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Môn học và hoạt động giáo dục</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Mức đạt được</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Điểm KTĐK cuối năm</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Nhận xét</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$a/r:subjects/r:subject">
          <fo:table-row>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="@label"/></fo:block></fo:table-cell>
            <xsl:choose>
              <xsl:when test="$not-assessed">
                <fo:table-cell xsl:use-attribute-sets="cell" number-columns-spanned="2" text-align="center">
                  <fo:block font-size="8.5pt" font-style="italic">Không đánh giá</fo:block>
                </fo:table-cell>
              </xsl:when>
              <xsl:when test="@exempt = 'true'">
                <fo:table-cell xsl:use-attribute-sets="cell" number-columns-spanned="2" text-align="center">
                  <fo:block font-style="italic">Miễn</fo:block>
                </fo:table-cell>
              </xsl:when>
              <xsl:otherwise>
                <fo:table-cell xsl:use-attribute-sets="cell" text-align="center"><fo:block><xsl:value-of select="@level"/></fo:block></fo:table-cell>
                <fo:table-cell xsl:use-attribute-sets="cell" text-align="center">
                  <fo:block>
                    <xsl:value-of select="@score"/>
                    <xsl:if test="@scores"><fo:inline font-size="7pt"> (KT lại)</fo:inline></xsl:if>
                  </fo:block>
                </fo:table-cell>
              </xsl:otherwise>
            </xsl:choose>
            <fo:table-cell xsl:use-attribute-sets="cell" display-align="before">
              <fo:block text-align="justify">
                <xsl:if test="@exempt = 'true' and r:exemptReason">
                  <fo:inline font-style="italic">Miễn: <xsl:value-of select="r:exemptReason"/>. </fo:inline>
                </xsl:if>
                <xsl:value-of select="r:comment"/>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
        <xsl:if test="not($a/r:subjects/r:subject)">
          <fo:table-row>
            <fo:table-cell xsl:use-attribute-sets="cell" number-columns-spanned="4"><fo:block/></fo:table-cell>
          </fo:table-row>
        </xsl:if>
      </fo:table-body>
    </fo:table>
    <xsl:if test="not($not-assessed)">
      <fo:block font-size="7.5pt" font-style="italic" space-before="1pt">
        Mức đạt được: T – Hoàn thành tốt; H – Hoàn thành; C – Chưa hoàn thành.
      </fo:block>
    </xsl:if>

    <!-- 2–3. qualities and competencies -->
    <fo:block xsl:use-attribute-sets="heading">2. Những phẩm chất chủ yếu và 3. Những năng lực cốt lõi</fo:block>
    <fo:table table-layout="fixed" width="100%" font-size="9pt" line-height="1.15">
      <fo:table-column column-width="40mm"/>
      <fo:table-column column-width="19mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-header font-size="8.5pt">
        <fo:table-row>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Phẩm chất, năng lực</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Mức đạt được</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="head-cell"><fo:block>Nhận xét</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:call-template name="trait-group"><xsl:with-param name="kind" select="'PC'"/><xsl:with-param name="title" select="'2. Phẩm chất chủ yếu'"/></xsl:call-template>
        <xsl:call-template name="trait-group"><xsl:with-param name="kind" select="'NLC'"/><xsl:with-param name="title" select="'3.1. Năng lực chung'"/></xsl:call-template>
        <xsl:call-template name="trait-group"><xsl:with-param name="kind" select="'NLDT'"/><xsl:with-param name="title" select="'3.2. Năng lực đặc thù'"/></xsl:call-template>
        <xsl:if test="not($a/r:traits/r:trait)">
          <fo:table-row>
            <fo:table-cell xsl:use-attribute-sets="cell" number-columns-spanned="3"><fo:block/></fo:table-cell>
          </fo:table-row>
        </xsl:if>
      </fo:table-body>
    </fo:table>
    <xsl:if test="not($not-assessed)">
      <fo:block font-size="7.5pt" font-style="italic" space-before="1pt">
        Mức đạt được: T – Tốt; Đ – Đạt; C – Cần cố gắng.
      </fo:block>
    </xsl:if>

    <!-- 4–7. result, awards, completion, promotion -->
    <xsl:variable name="o" select="$rec/r:outcome"/>
    <!-- the result and the signatures that attest it stay on one page -->
    <fo:block keep-together.within-page="always">
    <fo:block-container space-before="3pt">
      <fo:block space-after="1.5pt">
        <fo:inline font-weight="bold">4. Đánh giá kết quả giáo dục: </fo:inline>
        <xsl:choose>
          <xsl:when test="$not-assessed">Không đánh giá (học sinh khuyết tật)</xsl:when>
          <xsl:when test="$o/@resultLabel"><xsl:value-of select="$o/@resultLabel"/></xsl:when>
          <xsl:otherwise><fo:leader leader-pattern="dots" leader-length="60mm"/></xsl:otherwise>
        </xsl:choose>
      </fo:block>
      <fo:block space-after="1.5pt">
        <fo:inline font-weight="bold">5. Khen thưởng: </fo:inline>
        <xsl:for-each select="$a/r:awards/r:award">
          <xsl:value-of select="."/><xsl:if test="position() != last()">; </xsl:if>
        </xsl:for-each>
        <xsl:if test="not($a/r:awards/r:award)">Không</xsl:if>
      </fo:block>
      <fo:block space-after="1.5pt">
        <fo:inline font-weight="bold">6. Hoàn thành chương trình lớp học / chương trình tiểu học: </fo:inline>
        <xsl:choose>
          <xsl:when test="$o/@completedPrimary = 'true'">Hoàn thành chương trình tiểu học</xsl:when>
          <xsl:when test="$o/@completedGrade = 'true'">Hoàn thành chương trình lớp <xsl:value-of select="$grade"/></xsl:when>
          <xsl:when test="$not-assessed">Không đánh giá (học sinh khuyết tật)</xsl:when>
          <xsl:when test="$o">Chưa hoàn thành chương trình lớp <xsl:value-of select="$grade"/></xsl:when>
          <xsl:otherwise><fo:leader leader-pattern="dots" leader-length="50mm"/></xsl:otherwise>
        </xsl:choose>
      </fo:block>
      <fo:block space-after="1.5pt">
        <fo:inline font-weight="bold">7. Lên lớp: </fo:inline>
        <xsl:choose>
          <xsl:when test="$o/@promotionLabel"><xsl:value-of select="$o/@promotionLabel"/></xsl:when>
          <xsl:otherwise><fo:leader leader-pattern="dots" leader-length="50mm"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$o/@followUp and $o/@followUp != 'NONE'">
          <xsl:text> (</xsl:text><xsl:value-of select="$o/@followUpLabel"/><xsl:text>)</xsl:text>
        </xsl:if>
      </fo:block>
      <xsl:if test="$a/r:generalComment">
        <fo:block space-after="1.5pt" text-align="justify">
          <fo:inline font-weight="bold">Nhận xét chung: </fo:inline><xsl:value-of select="$a/r:generalComment"/>
        </fo:block>
      </xsl:if>
    </fo:block-container>
    <xsl:call-template name="signatures"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="trait-group">
    <xsl:param name="kind"/>
    <xsl:param name="title"/>
    <xsl:variable name="items" select="$a/r:traits/r:trait[@kind = $kind]"/>
    <xsl:if test="$items">
      <fo:table-row keep-with-next.within-page="always">
        <fo:table-cell xsl:use-attribute-sets="cell" number-columns-spanned="3" background-color="#f6f6f6">
          <fo:block font-weight="bold"><xsl:value-of select="$title"/></fo:block>
        </fo:table-cell>
      </fo:table-row>
      <xsl:for-each select="$items">
        <fo:table-row>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="@label"/></fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell" text-align="center">
            <xsl:choose>
              <xsl:when test="$not-assessed"><fo:block font-size="7.5pt" font-style="italic">Không đánh giá</fo:block></xsl:when>
              <xsl:otherwise><fo:block><xsl:value-of select="@level"/></fo:block></xsl:otherwise>
            </xsl:choose>
          </fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell" display-align="before">
            <fo:block text-align="justify"><xsl:value-of select="r:comment"/></fo:block>
          </fo:table-cell>
        </fo:table-row>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ========== place, date and the signature blocks (boxes measured by the renderer) ========== -->
  <xsl:template name="signatures">
    <xsl:variable name="issue" select="$rec/r:issue"/>
    <fo:block-container keep-together.within-page="always" space-before="2mm">
      <fo:block text-align="end" font-style="italic" space-after="1mm">
        <xsl:choose>
          <xsl:when test="$issue/@place != ''"><xsl:value-of select="$issue/@place"/></xsl:when>
          <xsl:otherwise><fo:leader leader-pattern="dots" leader-length="30mm"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>, ngày </xsl:text>
        <xsl:choose>
          <xsl:when test="$issue/@date">
            <xsl:value-of select="number(substring($issue/@date, 9, 2))"/>
            <xsl:text> tháng </xsl:text>
            <xsl:value-of select="number(substring($issue/@date, 6, 2))"/>
            <xsl:text> năm </xsl:text>
            <xsl:value-of select="substring($issue/@date, 1, 4)"/>
          </xsl:when>
          <xsl:otherwise>....... tháng ....... năm ..........</xsl:otherwise>
        </xsl:choose>
      </fo:block>
      <fo:table table-layout="fixed" width="100%">
        <fo:table-column column-width="70mm"/>
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-body>
          <fo:table-row>
            <fo:table-cell text-align="center">
              <fo:block font-weight="bold">GIÁO VIÊN CHỦ NHIỆM</fo:block>
              <fo:block font-style="italic" font-size="9pt">(Ký và ghi rõ họ tên)</fo:block>
              <fo:block-container id="sig-HOMEROOM_TEACHER" width="62mm" height="28mm" margin-left="4mm"
                                  background-color="#ffffff">
                <fo:block/>
              </fo:block-container>
              <fo:block font-weight="bold">
                <xsl:value-of select="$rec/r:class/@homeroomTeacher"/>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell text-align="center">
              <fo:block font-weight="bold">
                <xsl:choose>
                  <xsl:when test="$principal-title != ''"><xsl:value-of select="$principal-title"/></xsl:when>
                  <xsl:otherwise>HIỆU TRƯỞNG</xsl:otherwise>
                </xsl:choose>
              </fo:block>
              <fo:block font-style="italic" font-size="9pt">(Ký, ghi rõ họ tên và đóng dấu)</fo:block>
              <fo:table table-layout="fixed" width="100%">
                <fo:table-column column-width="36mm"/>
                <fo:table-column column-width="proportional-column-width(1)"/>
                <fo:table-body>
                  <fo:table-row>
                    <fo:table-cell>
                      <fo:block-container id="sig-SCHOOL_SEAL" width="34mm" height="28mm" margin-left="1mm"
                                          background-color="#ffffff">
                        <fo:block/>
                      </fo:block-container>
                    </fo:table-cell>
                    <fo:table-cell>
                      <fo:block-container id="sig-PRINCIPAL" width="62mm" height="28mm" margin-left="1mm"
                                          background-color="#ffffff">
                        <fo:block/>
                      </fo:block-container>
                    </fo:table-cell>
                  </fo:table-row>
                </fo:table-body>
              </fo:table>
              <fo:block font-weight="bold"><xsl:value-of select="$principal-name"/></fo:block>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
    </fo:block-container>
  </xsl:template>

  <xsl:template name="date">
    <xsl:param name="d"/>
    <xsl:if test="string-length($d) = 10">
      <xsl:value-of select="concat(substring($d, 9, 2), '/', substring($d, 6, 2), '/', substring($d, 1, 4))"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
