#pragma once
// HTML is written by hand, page by page; every value that did not come from this source code goes
// through escape_html, in text and in attributes alike.
#include <string>
#include <string_view>

namespace kehoach {

// & < > " ' as character references: safe in element text and in quoted attribute values.
std::string escape_html(std::string_view text);

// A value for a query string or a path segment: every byte but letters, digits and -._~ as %XX.
std::string url_encode(std::string_view text);

// Opens the box a table wider than the window scrolls in (on a phone), a labelled region the keyboard
// reaches too; the caller closes it with </div> after the table.
std::string scroll_box(const std::string& label);

}  // namespace kehoach
