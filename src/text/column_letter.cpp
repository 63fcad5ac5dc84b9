#include "text/column_letter.h"

namespace kehoach {

std::string column_letter(int index) {
  std::string letters;
  for (int n = index + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

}  // namespace kehoach
