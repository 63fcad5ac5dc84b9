#include <doctest/doctest.h>

#include "template/part_template.h"
#include "template/xml_layout.h"

using namespace kehoach;

TEST_CASE("the spacing between elements goes, but text, preserved spacing and the content of text elements stay") {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n"
      "  <w:body>\n"
      "    <w:p>\n"
      "      <w:r>\n"
      "        <w:t> </w:t>\n"
      "        <w:t xml:space=\"preserve\"> Thôn  Đông </w:t>\n"
      "        <w:t>a > b</w:t>\n"
      "      </w:r>\n"
      "      <w:r xml:space=\"preserve\">\n"
      "        <w:t>x</w:t>\n"
      "      </w:r>\n"
      "      <!-- a comment stays, and the spacing beside it -->\n"
      "      <w:r><w:t>y</w:t>  <![CDATA[ z ]]>  </w:r>\n"
      "      <w:r w:val=\"a > b\">\t<w:br/>\t</w:r>\n"
      "    </w:p>\n"
      "  </w:body>\n"
      "</w:document>\n";
  CHECK(without_layout_spacing(xml) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body>"
        "<w:p>"
        "<w:r>"
        "<w:t> </w:t>"
        "<w:t xml:space=\"preserve\"> Thôn  Đông </w:t>"
        "<w:t>a > b</w:t>"
        "</w:r>"
        "<w:r xml:space=\"preserve\">\n"
        "        <w:t>x</w:t>\n"
        "      </w:r>"
        "\n      <!-- a comment stays, and the spacing beside it -->\n      "
        "<w:r><w:t>y</w:t>  <![CDATA[ z ]]>  </w:r>"
        "<w:r w:val=\"a > b\"><w:br/></w:r>"
        "</w:p>"
        "</w:body>"
        "</w:document>");
}

TEST_CASE("xml:space=\"default\" under a preserving element lets the spacing go again") {
  CHECK(without_layout_spacing("<a xml:space=\"preserve\"> <b xml:space=\"default\"> <c/> </b> </a>") ==
        "<a xml:space=\"preserve\"> <b xml:space=\"default\"><c/></b> </a>");
  CHECK(without_layout_spacing("<a/>") == "<a/>");
  CHECK(without_layout_spacing("  <a>  </a>  ") == "<a>  </a>");
}

TEST_CASE("a template laid out on many lines renders as the same template on one line") {
  const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  const std::string indented = "<w:document " + ns +
                               ">\n  <w:body>\n    <w:p>\n      <w:r>\n        <w:t>{{#rows}}</w:t>\n      </w:r>\n"
                               "    </w:p>\n    <w:p>\n      <w:r>\n        <w:t xml:space=\"preserve\">{{name}} </w:t>\n"
                               "      </w:r>\n    </w:p>\n    <w:p>\n      <w:r>\n        <w:t>{{/rows}}</w:t>\n"
                               "      </w:r>\n    </w:p>\n  </w:body>\n</w:document>\n";
  const TemplateRecord data{{"rows", TemplateList{{{"name", "Thôn 1"}}, {{"name", "Thôn 2"}}}}};
  CHECK(PartTemplate::compile(indented, "mau").render(data) ==
        "<w:document " + ns +
            "><w:body>"
            "<w:p><w:r><w:t xml:space=\"preserve\">Thôn 1 </w:t></w:r></w:p>"
            "<w:p><w:r><w:t xml:space=\"preserve\">Thôn 2 </w:t></w:r></w:p>"
            "</w:body></w:document>");
}

TEST_CASE("a template that is not well-formed is named at its own line, before its spacing goes") {
  const std::string broken = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n"
                             "  <w:body>\n    <w:p>\n  </w:body>\n</w:document>\n";
  CHECK_THROWS_WITH_AS(PartTemplate::compile(broken, "mau: word/document.xml"),
                       doctest::Contains("dòng 4"), TemplateError);
}
