#include "template/part_template.h"

#include <Poco/Exception.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "test_support.h"

namespace kehoach {
namespace {

const std::string kWhere = "templates/xa: word/document.xml";

// A minimal word/document.xml around the given body.
std::string document(const std::string& body) {
  return R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" + body +
         "</w:body></w:document>";
}

// A paragraph of one run holding `text` as written (tags, entities).
std::string paragraph(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

// The same paragraph after rendering: a w:t that held a tag keeps its spaces.
std::string filled(const std::string& text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string cell(const std::string& text) { return "<w:tc>" + paragraph(text) + "</w:tc>"; }
std::string filled_cell(const std::string& text) { return "<w:tc>" + filled(text) + "</w:tc>"; }
std::string row(const std::string& cells) { return "<w:tr>" + cells + "</w:tr>"; }
std::string table(const std::string& rows) { return "<w:tbl>" + rows + "</w:tbl>"; }

std::string render(const std::string& body, const TemplateRecord& data) {
  return PartTemplate::compile(document(body), kWhere).render(data);
}

std::string compile_error(const std::string& xml) {
  return testing::error_of<TemplateError>([&] { PartTemplate::compile(xml, kWhere); });
}

std::string render_error(const std::string& body, const TemplateRecord& data) {
  return testing::error_of<TemplateError>([&] { render(body, data); });
}

bool well_formed(const std::string& xml) {
  try {
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.parseMemoryNP(xml.data(), xml.size());
    return true;
  } catch (const Poco::Exception&) {
    return false;
  }
}

const TemplateList kHamlets = {
    {{"ten", "Tân Thịnh"}, {"so_ho", "12"}},
    {{"ten", "Trung Mỹ"}, {"so_ho", "7"}},
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Values

TEST_CASE("a value tag is replaced by its text and the rest of the part is kept byte for byte, but its layout") {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
      "<w:document xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\" "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" mc:Ignorable=\"wpc\">"
      "<w:body><w:p w:rsidR=\"00F1\"><w:pPr><w:jc w:val='center'/></w:pPr><w:r><w:t>Kính gửi: {{noi_nhan}}</w:t>"
      "</w:r></w:p>\n  <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
  // The line breaks and indentation between elements go (xml_layout.h); everything else stays as written.
  std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\" "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" mc:Ignorable=\"wpc\">"
      "<w:body><w:p w:rsidR=\"00F1\"><w:pPr><w:jc w:val='center'/></w:pPr><w:r><w:t xml:space=\"preserve\">"
      "Kính gửi: UBND huyện Mỏ Cày Nam</w:t></w:r></w:p><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
      "</w:sectPr></w:body></w:document>";
  CHECK(PartTemplate::compile(xml, kWhere).render({{"noi_nhan", "UBND huyện Mỏ Cày Nam"}}) == expected);
}

TEST_CASE("a part without tags renders exactly as it was written") {
  std::string xml = document(paragraph("Cộng hòa xã hội chủ nghĩa Việt Nam") + "<!-- ghi chú -->" +
                             "<w:p><w:r><w:t xml:space=\"preserve\"> Độc lập &amp; Tự do </w:t></w:r></w:p>");
  CHECK(PartTemplate::compile(xml, kWhere).render({}) == xml);
}

TEST_CASE("values are escaped for XML, Vietnamese text is written as it is") {
  CHECK(render(paragraph("{{a}}"), {{"a", "A & B <c> \"d\" 'e'"}}) ==
        document(filled("A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;")));
  CHECK(render(paragraph("Chủ tịch: {{ho_ten}}"), {{"ho_ten", "Nguyễn Thị Hường"}}) ==
        document(filled("Chủ tịch: Nguyễn Thị Hường")));
}

TEST_CASE("a new line in a value becomes a line break and a tab a tab, in the same run") {
  CHECK(render("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{{dia_chi}}</w:t></w:r></w:p>",
               {{"dia_chi", "Ấp 1\nẤp 2\tcột\r\nẤp 3"}}) ==
        document("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Ấp 1</w:t><w:br/>"
                 "<w:t xml:space=\"preserve\">Ấp 2</w:t><w:tab/><w:t xml:space=\"preserve\">cột</w:t><w:br/>"
                 "<w:t xml:space=\"preserve\">Ấp 3</w:t></w:r></w:p>"));
}

TEST_CASE("control characters that XML cannot hold are left out of values") {
  CHECK(render(paragraph("{{a}}"), {{"a", std::string("x\x01y\x1Fz")}}) == document(filled("xyz")));
}

TEST_CASE("a part whose WordprocessingML prefix is not w gets breaks with its own prefix") {
  std::string header = R"(<x:hdr xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)";
  std::string xml = header + "<x:p><x:r><x:t>{{a}}</x:t></x:r></x:p></x:hdr>";
  CHECK(PartTemplate::compile(xml, kWhere).render({{"a", "1\n2"}}) ==
        header + R"(<x:p><x:r><x:t xml:space="preserve">1</x:t><x:br/><x:t xml:space="preserve">2</x:t></x:r></x:p>)" +
            "</x:hdr>");
}

TEST_CASE("spaces just inside the braces are allowed and a decomposed name is read composed") {
  PartTemplate part = PartTemplate::compile(document(paragraph("{{ te\xCC\x82n }}")), kWhere);
  CHECK(part.names() == std::set<std::string>{"tên"});
  CHECK(part.render({{"tên", "Bình"}}) == document(filled("Bình")));
}

// ---------------------------------------------------------------------------------------------
// Tags that Word split over several runs

TEST_CASE("a tag split over two runs with different formatting takes the formatting of its first run") {
  std::string body =
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Xã {{ten</w:t></w:r>"
      "<w:r><w:rPr><w:i/></w:rPr><w:t>_xa}} đạt</w:t></w:r></w:p>";
  CHECK(render(body, {{"ten_xa", "An Hòa"}}) ==
        document("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Xã An Hòa</w:t></w:r>"
                 "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\"> đạt</w:t></w:r></w:p>"));
}

TEST_CASE("a tag split over four runs with spell-check marks and revision ids is joined") {
  std::string body =
      "<w:p w:rsidR=\"00A1\" w:rsidRDefault=\"00B2\"><w:r w:rsidR=\"00C3\"><w:t>Có {</w:t></w:r>"
      "<w:proofErr w:type=\"spellStart\"/>"
      "<w:r w:rsidR=\"00D4\"><w:rPr><w:noProof/></w:rPr><w:t>{so</w:t></w:r>"
      "<w:proofErr w:type=\"spellEnd\"/>"
      "<w:r w:rsidRPr=\"00E5\"><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr><w:t>_ho}</w:t></w:r>"
      "<w:r><w:t>} hộ</w:t></w:r></w:p>";
  CHECK(render(body, {{"so_ho", "125"}}) ==
        document("<w:p w:rsidR=\"00A1\" w:rsidRDefault=\"00B2\"><w:r w:rsidR=\"00C3\">"
                 "<w:t xml:space=\"preserve\">Có 125</w:t></w:r>"
                 "<w:proofErr w:type=\"spellStart\"/>"
                 "<w:r w:rsidR=\"00D4\"><w:rPr><w:noProof/></w:rPr><w:t></w:t></w:r>"
                 "<w:proofErr w:type=\"spellEnd\"/>"
                 "<w:r w:rsidRPr=\"00E5\"><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr><w:t></w:t></w:r>"
                 "<w:r><w:t xml:space=\"preserve\"> hộ</w:t></w:r></w:p>"));
}

TEST_CASE("a tag split around a bookmark is joined and the bookmark stays") {
  std::string body =
      "<w:p><w:r><w:t>Ngày {{ng</w:t></w:r><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/>"
      "<w:r><w:t>ay}}</w:t></w:r><w:bookmarkEnd w:id=\"0\"/></w:p>";
  CHECK(render(body, {{"ngay", "05/01/2022"}}) ==
        document("<w:p><w:r><w:t xml:space=\"preserve\">Ngày 05/01/2022</w:t></w:r>"
                 "<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:r><w:t></w:t></w:r>"
                 "<w:bookmarkEnd w:id=\"0\"/></w:p>"));
}

TEST_CASE("a tag retyped under track changes is joined from its inserted text, ignoring deleted text") {
  std::string body =
      "<w:p><w:r><w:t>{{ten_</w:t></w:r>"
      "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>cu}}</w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>xa}} mới</w:t></w:r></w:ins></w:p>";
  CHECK(render(body, {{"ten_xa", "Bình Khánh"}}) ==
        document("<w:p><w:r><w:t xml:space=\"preserve\">Bình Khánh</w:t></w:r>"
                 "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>cu}}</w:delText></w:r></w:del>"
                 "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\"> mới</w:t></w:r></w:ins></w:p>"));
}

TEST_CASE("two tags split over the same runs each move into the run where they start") {
  std::string body =
      "<w:p><w:r><w:t>{{a}} và {{</w:t></w:r><w:r><w:rPr><w:u/></w:rPr><w:t>b}}{{c</w:t></w:r>"
      "<w:r><w:t>}}.</w:t></w:r></w:p>";
  CHECK(render(body, {{"a", "1"}, {"b", "2"}, {"c", "3"}}) ==
        document("<w:p><w:r><w:t xml:space=\"preserve\">1 và 2</w:t></w:r>"
                 "<w:r><w:rPr><w:u/></w:rPr><w:t xml:space=\"preserve\">3</w:t></w:r>"
                 "<w:r><w:t>.</w:t></w:r></w:p>"));
}

// ---------------------------------------------------------------------------------------------
// Sections over paragraphs

TEST_CASE("a section alone in its paragraphs repeats the paragraphs between for each record") {
  std::string body = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t>{{#thon}}</w:t></w:r></w:p>" +
                     paragraph("Thôn {{ten}}: {{so_ho}} hộ") + paragraph(" {{/thon}} ") + paragraph("Hết.");
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document(filled("Thôn Tân Thịnh: 12 hộ") + filled("Thôn Trung Mỹ: 7 hộ") + paragraph("Hết.")));
}

TEST_CASE("a paragraph section repeats tables between its paragraphs too") {
  std::string body = paragraph("{{#thon}}") + paragraph("{{ten}}") + table(row(cell("{{so_ho}}"))) +
                     paragraph("{{/thon}}");
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document(filled("Tân Thịnh") + table(row(filled_cell("12"))) + filled("Trung Mỹ") +
                 table(row(filled_cell("7")))));
}

TEST_CASE("nested paragraph sections repeat a list inside each record") {
  TemplateList communes = {
      {{"ten", "An Hòa"}, {"thon", TemplateList{{{"ten", "Ấp 1"}}, {{"ten", "Ấp 2"}}}}},
      {{"ten", "Bình Khánh"}, {"thon", TemplateList{{{"ten", "Ấp Giồng"}}}}},
  };
  std::string body = paragraph("{{#xa}}") + paragraph("Xã {{ten}}:") + paragraph("{{#thon}}") +
                     paragraph("- {{ten}}") + paragraph("{{/thon}}") + paragraph("{{/xa}}");
  CHECK(render(body, {{"xa", communes}}) ==
        document(filled("Xã An Hòa:") + filled("- Ấp 1") + filled("- Ấp 2") + filled("Xã Bình Khánh:") +
                 filled("- Ấp Giồng")));
}

TEST_CASE("an empty list removes the paragraphs of its section and the tag paragraphs") {
  std::string body = paragraph("Trước") + paragraph("{{#thon}}") + paragraph("Thôn {{ten}}") +
                     paragraph("{{/thon}}") + paragraph("Sau");
  CHECK(render(body, {{"thon", TemplateList{}}}) == document(paragraph("Trước") + paragraph("Sau")));
}

TEST_CASE("a paragraph section inside a table cell keeps an empty last paragraph for Word") {
  std::string body = table(row("<w:tc>" + paragraph("{{#thon}}") + paragraph("{{ten}}") +
                               paragraph("{{/thon}}") + "</w:tc>"));
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document(table(row("<w:tc>" + filled("Tân Thịnh") + filled("Trung Mỹ") +
                           "<w:p><w:r><w:t xml:space=\"preserve\"></w:t></w:r></w:p></w:tc>"))));
}

TEST_CASE("a tag paragraph carrying a section break stays, emptied of its tag") {
  std::string close_with_break =
      "<w:p><w:pPr><w:sectPr><w:pgSz w:orient=\"landscape\"/></w:sectPr></w:pPr><w:r><w:t>{{/thon}}</w:t></w:r></w:p>";
  std::string body = paragraph("{{#thon}}") + paragraph("{{ten}}") + close_with_break;
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document(filled("Tân Thịnh") + filled("Trung Mỹ") +
                 "<w:p><w:pPr><w:sectPr><w:pgSz w:orient=\"landscape\"/></w:sectPr></w:pPr><w:r>"
                 "<w:t xml:space=\"preserve\"></w:t></w:r></w:p>"));
}

// ---------------------------------------------------------------------------------------------
// Sections over table rows

TEST_CASE("a section in one table row repeats the row for each record without its tags") {
  std::string header = row(cell("STT") + cell("Thôn"));
  std::string body = table(header + row(cell("{{#thon}}{{so_ho}}") + cell("{{ten}}{{/thon}}")));
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document(table(header + row(filled_cell("12") + filled_cell("Tân Thịnh")) +
                       row(filled_cell("7") + filled_cell("Trung Mỹ")))));
}

TEST_CASE("a section opened in one row and closed in a later row repeats both rows") {
  std::string body = table(row(cell("Đầu")) + row(cell("{{#thon}}Thôn {{ten}}")) +
                           row(cell("{{so_ho}} hộ{{/thon}}")) + row(cell("Cộng")));
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document(table(row(cell("Đầu")) + row(filled_cell("Thôn Tân Thịnh")) + row(filled_cell("12 hộ")) +
                       row(filled_cell("Thôn Trung Mỹ")) + row(filled_cell("7 hộ")) + row(cell("Cộng")))));
}

TEST_CASE("section tags alone in cells of one row repeat the row") {
  std::string body = table(row(cell("{{#thon}}") + cell("{{ten}}") + cell("{{/thon}}")));
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document(table(row(filled_cell("") + filled_cell("Tân Thịnh") + filled_cell("")) +
                       row(filled_cell("") + filled_cell("Trung Mỹ") + filled_cell("")))));
}

TEST_CASE("a row section in a table nested in a cell repeats the rows of the inner table") {
  std::string inner = table(row(cell("{{#thon}}{{ten}}") + cell("{{so_ho}}{{/thon}}")));
  std::string body = table(row("<w:tc>" + inner + paragraph("") + "</w:tc>"));
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document(table(row("<w:tc>" +
                           table(row(filled_cell("Tân Thịnh") + filled_cell("12")) +
                                 row(filled_cell("Trung Mỹ") + filled_cell("7"))) +
                           paragraph("") + "</w:tc>"))));
}

TEST_CASE("a value in a repeated row before the open tag is read from the row's record") {
  std::string body = table(row(cell("{{so_ho}}") + cell("{{#thon}}{{ten}}") + cell("{{/thon}}")));
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document(table(row(filled_cell("12") + filled_cell("Tân Thịnh") + filled_cell("")) +
                       row(filled_cell("7") + filled_cell("Trung Mỹ") + filled_cell("")))));
}

TEST_CASE("two sections over the same row nest in the order of their open tags") {
  TemplateList communes = {
      {{"ten", "An Hòa"}, {"thon", TemplateList{{{"ten", "Ấp 1"}}, {{"ten", "Ấp 2"}}}}},
      {{"ten", "Bình Khánh"}, {"thon", TemplateList{{{"ten", "Ấp Giồng"}}}}},
  };
  std::string body = table(row(cell("{{#xa}}{{#thon}}{{ten}}") + cell("{{/thon}}{{/xa}}")));
  CHECK(render(body, {{"xa", communes}}) ==
        document(table(row(filled_cell("Ấp 1") + filled_cell("")) + row(filled_cell("Ấp 2") + filled_cell("")) +
                       row(filled_cell("Ấp Giồng") + filled_cell("")))));
}

TEST_CASE("an empty list removes the table rows of its section") {
  std::string body = table(row(cell("Đầu")) + row(cell("{{#thon}}{{so_ho}}") + cell("{{ten}}{{/thon}}")));
  CHECK(render(body, {{"thon", TemplateList{}}}) == document(table(row(cell("Đầu")))));
}

// ---------------------------------------------------------------------------------------------
// Sections inside one paragraph, conditions, scopes

TEST_CASE("a section inside one paragraph repeats the text between its tags") {
  CHECK(render(paragraph("Các thôn: {{#thon}}{{ten}}, {{/thon}}hết."), {{"thon", kHamlets}}) ==
        document(filled("Các thôn: Tân Thịnh, Trung Mỹ, hết.")));
}

TEST_CASE("an inline section spanning runs repeats the runs between its tags") {
  std::string body =
      "<w:p><w:r><w:t>{{#thon}}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{{ten}}</w:t></w:r>"
      "<w:r><w:t>; {{/thon}}</w:t></w:r></w:p>";
  CHECK(render(body, {{"thon", kHamlets}}) ==
        document("<w:p><w:r><w:t xml:space=\"preserve\"></w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                 "<w:t xml:space=\"preserve\">Tân Thịnh</w:t></w:r><w:r><w:t xml:space=\"preserve\">; "
                 "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Trung Mỹ</w:t></w:r>"
                 "<w:r><w:t xml:space=\"preserve\">; </w:t></w:r></w:p>"));
}

TEST_CASE("a true flag shows its section and hides its inverted section, a false flag the opposite") {
  std::string body = paragraph("{{#dat}}Đạt{{/dat}}{{^dat}}Chưa đạt{{/dat}}");
  CHECK(render(body, {{"dat", true}}) == document(filled("Đạt")));
  CHECK(render(body, {{"dat", false}}) == document(filled("Chưa đạt")));
}

TEST_CASE("text shows a section when not empty, a record always, an empty list only its inverse") {
  std::string body = paragraph("{{#ghi_chu}}Ghi chú: {{ghi_chu}}{{/ghi_chu}}{{^ghi_chu}}Không{{/ghi_chu}}");
  CHECK(render(body, {{"ghi_chu", "xem phụ lục"}}) == document(filled("Ghi chú: xem phụ lục")));
  CHECK(render(body, {{"ghi_chu", ""}}) == document(filled("Không")));
  CHECK(render(paragraph("{{#xa}}{{ten}}{{/xa}}"), {{"xa", TemplateRecord{{"ten", "An Hòa"}}}}) ==
        document(filled("An Hòa")));
  CHECK(render(paragraph("{{^thon}}Không có thôn{{/thon}}"), {{"thon", TemplateList{}}}) ==
        document(filled("Không có thôn")));
}

TEST_CASE("a replaceable part shows the user's paragraphs or else the template's default text") {
  std::string body = paragraph("{{#sections.purpose}}") + paragraph("{{text}}") + paragraph("{{/sections.purpose}}") +
                     paragraph("{{^sections.purpose}}") + paragraph("Mục đích mặc định.") +
                     paragraph("{{/sections.purpose}}");
  TemplateRecord kept = {{"sections", TemplateRecord{{"purpose", false}}}};
  TemplateRecord replaced = {
      {"sections", TemplateRecord{{"purpose", TemplateList{{{"text", "Đoạn một."}}, {{"text", "Đoạn hai."}}}}}}};
  CHECK(render(body, kept) == document(paragraph("Mục đích mặc định.")));
  CHECK(render(body, replaced) == document(filled("Đoạn một.") + filled("Đoạn hai.")));
}

TEST_CASE("names inside a section are looked up in its record first, then outwards") {
  std::string body = paragraph("{{#thon}}{{ten}} ({{huyen}}, {{ten_xa}}); {{/thon}}");
  TemplateRecord data = {{"thon", kHamlets}, {"huyen", "Mỏ Cày Nam"}, {"ten", "không dùng"}, {"ten_xa", "An Hòa"}};
  CHECK(render(body, data) ==
        document(filled("Tân Thịnh (Mỏ Cày Nam, An Hòa); Trung Mỹ (Mỏ Cày Nam, An Hòa); ")));
}

TEST_CASE("dotted names walk records, the first part found through the scopes") {
  TemplateRecord data = {
      {"xa", TemplateRecord{{"ten", "An Hòa"}, {"chu_tich", TemplateRecord{{"ho_ten", "Lê Văn Tám"}}}}},
      {"thon", kHamlets},
  };
  CHECK(render(paragraph("{{xa.ten}} – {{xa.chu_tich.ho_ten}}"), data) == document(filled("An Hòa – Lê Văn Tám")));
  CHECK(render(paragraph("{{#thon}}{{ten}}/{{xa.ten}} {{/thon}}"), data) ==
        document(filled("Tân Thịnh/An Hòa Trung Mỹ/An Hòa ")));
}

TEST_CASE("a compiled part renders many times with different data") {
  PartTemplate part = PartTemplate::compile(document(paragraph("Xã {{ten}}")), kWhere);
  PartTemplate copy = part;
  CHECK(part.render({{"ten", "An Hòa"}}) == document(filled("Xã An Hòa")));
  CHECK(copy.render({{"ten", "Bình Khánh"}}) == document(filled("Xã Bình Khánh")));
}

TEST_CASE("names lists every tag name as written") {
  std::string body = paragraph("{{#thon}}") + paragraph("{{ten}} {{poor.end_rate}}") + paragraph("{{/thon}}") +
                     paragraph("{{^co}}x{{/co}}");
  CHECK(PartTemplate::compile(document(body), kWhere).names() ==
        std::set<std::string>{"thon", "ten", "poor.end_rate", "co"});
}

TEST_CASE("a realistic paragraph renders to well-formed XML") {
  std::string body =
      "<w:p w:rsidR=\"00AB12CD\" w:rsidRDefault=\"00AB12CD\"><w:pPr><w:spacing w:before=\"120\"/><w:ind "
      "w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:lang w:val=\"vi-VN\"/></w:rPr>"
      "<w:t xml:space=\"preserve\">Năm {{nam}}, toàn </w:t></w:r><w:proofErr w:type=\"gramStart\"/><w:r>"
      "<w:rPr><w:b/></w:rPr><w:t>xã {{</w:t></w:r><w:proofErr w:type=\"gramEnd\"/><w:r><w:t>ten_xa}} phấn đấu "
      "giảm {{#muc_tieu}}{{so_ho}} hộ nghèo ({{ty_le}}){{/muc_tieu}}</w:t></w:r><w:bookmarkStart w:id=\"3\" "
      "w:name=\"ghi_chu\"/><w:r><w:t>{{^muc_tieu}}không có chỉ tiêu{{/muc_tieu}}; {{ghi_chu}}</w:t></w:r>"
      "<w:bookmarkEnd w:id=\"3\"/></w:p>";
  TemplateRecord data = {
      {"nam", "2022"},
      {"ten_xa", "An Hòa Thịnh <mới>"},
      {"muc_tieu", TemplateRecord{{"so_ho", "25"}, {"ty_le", "1,5% & hơn"}}},
      {"ghi_chu", "dòng 1\ndòng \"2\"\t'3'"},
  };
  std::string out = render(body, data);
  CHECK(well_formed(out));
  CHECK(out ==
        document("<w:p w:rsidR=\"00AB12CD\" w:rsidRDefault=\"00AB12CD\"><w:pPr><w:spacing w:before=\"120\"/>"
                 "<w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:lang w:val=\"vi-VN\"/>"
                 "</w:rPr><w:t xml:space=\"preserve\">Năm 2022, toàn </w:t></w:r><w:proofErr w:type=\"gramStart\"/>"
                 "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">xã An Hòa Thịnh &lt;mới&gt;</w:t></w:r>"
                 "<w:proofErr w:type=\"gramEnd\"/><w:r><w:t xml:space=\"preserve\"> phấn đấu giảm 25 hộ nghèo "
                 "(1,5% &amp; hơn)</w:t></w:r><w:bookmarkStart w:id=\"3\" w:name=\"ghi_chu\"/><w:r>"
                 "<w:t xml:space=\"preserve\">; dòng 1</w:t><w:br/><w:t xml:space=\"preserve\">dòng &quot;2&quot;"
                 "</w:t><w:tab/><w:t xml:space=\"preserve\">&apos;3&apos;</w:t></w:r><w:bookmarkEnd w:id=\"3\"/>"
                 "</w:p>"));
}

// ---------------------------------------------------------------------------------------------
// Errors in the data

TEST_CASE("a name that is not in the data is an error naming the paragraph and the tag") {
  CHECK(render_error(paragraph("Tiêu đề") + paragraph("Kính gửi: {{noi_nhan}}"), {}) ==
        "templates/xa: word/document.xml, đoạn 2 (\"Kính gửi: {{noi_nhan}}\"): thẻ {{noi_nhan}} không có trong "
        "dữ liệu.");
  CHECK(render_error(paragraph("{{#thon}}x{{/thon}}"), {}) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{#thon}}x{{/thon}}\"): thẻ {{#thon}} không có trong dữ liệu.");
  CHECK(render_error(paragraph("{{^thon}}x{{/thon}}"), {}) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{^thon}}x{{/thon}}\"): thẻ {{^thon}} không có trong dữ liệu.");
  CHECK(render_error(paragraph("{{xa.ma}}"), {{"xa", TemplateRecord{{"ten", "An Hòa"}}}}) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{xa.ma}}\"): thẻ {{xa.ma}} không có trong dữ liệu.");
  CHECK(render_error(paragraph("{{ten.ma}}"), {{"ten", "An Hòa"}}) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{ten.ma}}\"): thẻ {{ten.ma}} không có trong dữ liệu.");
}

TEST_CASE("a long paragraph is shown by its first 40 characters") {
  CHECK(render_error(paragraph("Ủy ban nhân dân xã báo cáo kết quả thực hiện {{ket_qua}} trong năm"), {}) ==
        "templates/xa: word/document.xml, đoạn 1 (\"Ủy ban nhân dân xã báo cáo kết quả thực…\"): thẻ {{ket_qua}} "
        "không có trong dữ liệu.");
}

TEST_CASE("a value tag naming a list, a flag or a record is an error") {
  CHECK(render_error(paragraph("{{thon}}"), {{"thon", kHamlets}}) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{thon}}\"): thẻ {{thon}} là một danh sách chứ không phải văn "
        "bản: hãy dùng {{#thon}} … {{/thon}} để lặp qua danh sách.");
  CHECK(render_error(paragraph("{{dat}}"), {{"dat", true}}) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{dat}}\"): thẻ {{dat}} là giá trị đúng/sai chứ không phải văn "
        "bản: hãy dùng {{#dat}} … {{/dat}} để hiện một đoạn khi đúng.");
  CHECK(render_error(paragraph("{{xa}}"), {{"xa", TemplateRecord{}}}) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{xa}}\"): thẻ {{xa}} là một nhóm giá trị chứ không phải văn "
        "bản: hãy dùng {{xa.…}} để lấy từng giá trị trong nhóm.");
}

// ---------------------------------------------------------------------------------------------
// Errors in the template

TEST_CASE("XML that is not well-formed is an error") {
  CHECK(compile_error("<w:document><w:body></w:document>") ==
        "phần templates/xa: word/document.xml không phải XML hợp lệ: dòng 1, cột 1: Unbound prefix.");
  CHECK(compile_error(document("<w:p></w:r>")) ==
        "phần templates/xa: word/document.xml không phải XML hợp lệ: dòng 1, cột 99: Tag mismatch.");
}

TEST_CASE("a section that is not closed is an error") {
  CHECK(compile_error(document(paragraph("{{#thon}}") + paragraph("{{ten}}"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{#thon}}\"): thẻ {{#thon}} không có thẻ đóng {{/thon}}.");
}

TEST_CASE("a close tag with another name than the open section is an error") {
  CHECK(compile_error(document(paragraph("{{#thon}}") + paragraph("{{/xa}}"))) ==
        "templates/xa: word/document.xml, đoạn 2 (\"{{/xa}}\"): thẻ đóng {{/xa}} không khớp với {{#thon}}.");
  CHECK(compile_error(document(paragraph("{{^thon}}{{/xa}}"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{^thon}}{{/xa}}\"): thẻ đóng {{/xa}} không khớp với "
        "{{^thon}}.");
}

TEST_CASE("a close tag without an open tag is an error") {
  CHECK(compile_error(document(paragraph("Hết {{/thon}}"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"Hết {{/thon}}\"): thẻ đóng {{/thon}} không có thẻ mở "
        "{{#thon}} ở trước nó.");
}

TEST_CASE("tags without a name or with other characters in the name are errors") {
  CHECK(compile_error(document(paragraph("a {{}} b"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"a {{}} b\"): thẻ {{}} không có tên.");
  CHECK(compile_error(document(paragraph("{{#}}"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{#}}\"): thẻ {{#}} không có tên.");
  CHECK(compile_error(document(paragraph("{{ten xa}}"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{ten xa}}\"): thẻ {{ten xa}} có tên không hợp lệ: tên chỉ gồm "
        "chữ cái, chữ số và các dấu \"_\", \".\", \"-\".");
  CHECK(compile_error(document(paragraph("{{ty_le%}}"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{ty_le%}}\"): thẻ {{ty_le%}} có tên không hợp lệ: tên chỉ gồm "
        "chữ cái, chữ số và các dấu \"_\", \".\", \"-\".");
  CHECK(compile_error(document(paragraph("{{xa..ten}}"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{xa..ten}}\"): thẻ {{xa..ten}} có tên không hợp lệ: dấu \".\" "
        "chỉ đứng giữa hai phần của tên, như {{xa.ten}}.");
}

TEST_CASE("a tag split over runs with a bad name is shown whole in the error") {
  std::string body = "<w:p><w:r><w:t>{{so </w:t></w:r><w:r><w:t>ho}}</w:t></w:r></w:p>";
  CHECK(compile_error(document(body)) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{so ho}}\"): thẻ {{so ho}} có tên không hợp lệ: tên chỉ gồm "
        "chữ cái, chữ số và các dấu \"_\", \".\", \"-\".");
}

TEST_CASE("an opening {{ without }} in the same paragraph is an error") {
  CHECK(compile_error(document(paragraph("Xã {{ten_xa") + paragraph("}}"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"Xã {{ten_xa\"): \"{{ten_xa\" mở thẻ bằng \"{{\" nhưng không có "
        "\"}}\" đóng lại trong cùng đoạn.");
}

TEST_CASE("section tags in two paragraphs that are not each alone are an error") {
  CHECK(compile_error(document(paragraph("Các thôn {{#thon}}") + paragraph("{{ten}} {{/thon}}"))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"Các thôn {{#thon}}\"): thẻ {{#thon}} và {{/thon}} ở hai đoạn "
        "khác nhau: hãy đặt mỗi thẻ một mình trên một đoạn, hoặc cả hai trong cùng một đoạn/một dòng bảng.");
}

TEST_CASE("section tags alone in paragraphs of different containers are an error") {
  CHECK(compile_error(document(paragraph("{{#thon}}") + table(row(cell("{{/thon}}"))))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{#thon}}\"): thẻ {{#thon}} và {{/thon}} đứng riêng trên hai "
        "đoạn nhưng hai đoạn không cùng một chỗ: hãy để cả hai trong thân văn bản, hoặc cả hai trong cùng một ô "
        "bảng.");
}

TEST_CASE("section tags in rows of two different tables are an error") {
  CHECK(compile_error(document(table(row(cell("{{#thon}}x"))) + table(row(cell("{{/thon}}y"))))) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{#thon}}x\"): thẻ {{#thon}} và {{/thon}} ở hai đoạn khác "
        "nhau: hãy đặt mỗi thẻ một mình trên một đoạn, hoặc cả hai trong cùng một đoạn/một dòng bảng.");
}

TEST_CASE("an inline section with one tag inside a hyperlink is an error") {
  std::string body =
      "<w:p><w:hyperlink w:anchor=\"a\"><w:r><w:t>{{#thon}}x</w:t></w:r></w:hyperlink>"
      "<w:r><w:t>{{/thon}}</w:t></w:r></w:p>";
  CHECK(compile_error(document(body)) ==
        "templates/xa: word/document.xml, đoạn 1 (\"{{#thon}}x{{/thon}}\"): thẻ {{#thon}} và {{/thon}} cùng ở một "
        "đoạn nhưng nằm trong hai loại vùng khác nhau (liên kết, trường, vùng theo dõi thay đổi…): hãy gõ lại cả "
        "hai thẻ như chữ thường của đoạn.");
}

TEST_CASE("a row section inside a paragraph section of the same cell is an error") {
  std::string body = table(row("<w:tc>" + paragraph("{{#xa}}") + paragraph("{{#thon}}a") + paragraph("b{{/thon}}") +
                               paragraph("{{/xa}}") + "</w:tc>"));
  CHECK(compile_error(document(body)) ==
        "templates/xa: word/document.xml, đoạn 2 (\"{{#thon}}a\"): thẻ {{#thon}} và {{/thon}} lặp lại cả dòng bảng "
        "chứa chúng, vượt ra ngoài vùng {{#xa}} … {{/xa}} bao quanh chúng.");
}

TEST_CASE("two row sections sharing a row are an error") {
  std::string body = table(row(cell("{{#a}}")) + row(cell("{{/a}}") + cell("{{#b}}")) + row(cell("{{/b}}")));
  CHECK(compile_error(document(body)) ==
        "templates/xa: word/document.xml, đoạn 3 (\"{{#b}}\"): vùng lặp của {{#b}} … {{/b}} chồng lên vùng của "
        "{{#a}} … {{/a}}: hai vùng phải tách rời nhau, hoặc vùng này nằm trọn trong vùng kia.");
}

// ---------------------------------------------------------------------------------------------
// Lists held as tables (TemplateTable): what a template sees is a list of records

namespace {

// Two hamlets as a table: ten, so_ho and a record "ngheo" of start and end.
TemplateTable hamlet_table() {
  auto poor = std::make_shared<TemplateColumns>();
  poor->columns = {{"dau", 2, nullptr}, {"cuoi", 3, nullptr}};
  auto columns = std::make_shared<TemplateColumns>();
  columns->columns = {{"ten", 0, nullptr}, {"so_ho", 1, nullptr}, {"ngheo", -1, poor}};
  return {columns, 4, {"Tân Thịnh", "12", "3", "1", "Trung Mỹ", "7", "", "0"}};
}

const TemplateList kHamletList = {
    {{"ten", "Tân Thịnh"}, {"so_ho", "12"}, {"ngheo", TemplateRecord{{"dau", "3"}, {"cuoi", "1"}}}},
    {{"ten", "Trung Mỹ"}, {"so_ho", "7"}, {"ngheo", TemplateRecord{{"dau", ""}, {"cuoi", "0"}}}},
};

}  // namespace

TEST_CASE("a table of records renders as the same list of maps would: values, records, sections, outer names") {
  const std::string body =
      table(row(cell("{{#thon}}{{ten}}")) + row(cell("{{so_ho}} hộ, {{ngheo.dau}} → {{ngheo.cuoi}}, {{xa}}")) +
            row(cell("{{#ngheo}}{{cuoi}}/{{so_ho}}{{/ngheo}}")) + row(cell("{{#ngheo.dau}}có{{/ngheo.dau}}{{^ngheo.dau}}"
                                                                          "không{{/ngheo.dau}}{{/thon}}"))) +
      paragraph("{{#thon}}{{ten}};{{/thon}}{{^thon}}không có thôn{{/thon}}");
  const std::string from_table = render(body, {{"thon", hamlet_table()}, {"xa", "An Hòa"}});
  CHECK(from_table == render(body, {{"thon", kHamletList}, {"xa", "An Hòa"}}));
  CHECK(from_table.find("12 hộ, 3 → 1, An Hòa") != std::string::npos);
  CHECK(from_table.find("0/7") != std::string::npos);
  CHECK(from_table.find("Tân Thịnh;Trung Mỹ;") != std::string::npos);
  CHECK(render(paragraph("{{^thon}}không có thôn{{/thon}}"), {{"thon", TemplateTable{hamlet_table().columns, 4, {}}}}) ==
        document(filled("không có thôn")));
}

TEST_CASE("a table's records say what is missing or misused as a list of maps does") {
  const std::string missing = render_error(paragraph("{{#thon}}{{ngheo.giua}}{{/thon}}"), {{"thon", hamlet_table()}});
  CHECK(missing == render_error(paragraph("{{#thon}}{{ngheo.giua}}{{/thon}}"), {{"thon", kHamletList}}));
  CHECK(missing.find("thẻ {{ngheo.giua}} không có trong dữ liệu") != std::string::npos);
  CHECK(render_error(paragraph("{{#thon}}{{ten.x}}{{/thon}}"), {{"thon", hamlet_table()}}) ==
        render_error(paragraph("{{#thon}}{{ten.x}}{{/thon}}"), {{"thon", kHamletList}}));
  CHECK(render_error(paragraph("{{#thon}}{{ngheo}}{{/thon}}"), {{"thon", hamlet_table()}}) ==
        render_error(paragraph("{{#thon}}{{ngheo}}{{/thon}}"), {{"thon", kHamletList}}));
  CHECK(render_error(paragraph("{{thon}}"), {{"thon", hamlet_table()}}) ==
        render_error(paragraph("{{thon}}"), {{"thon", kHamletList}}));
  // A name no record has is looked for outside the list, and missing there too.
  CHECK(render_error(paragraph("{{#thon}}{{khong_co}}{{/thon}}"), {{"thon", hamlet_table()}}) ==
        render_error(paragraph("{{#thon}}{{khong_co}}{{/thon}}"), {{"thon", kHamletList}}));
}

}  // namespace kehoach
