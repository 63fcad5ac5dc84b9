// The household review list (rà soát), as `kehoach households --json` takes it: streamed through the
// household reader against the 2022–2025 standard, every household classified and tallied up its units,
// the figures written as JSON. Odd-sized inputs are read with --skip-bad-rows, even ones without.
#include "app/household_input.h"
#include "app/summarise_households.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "read/standard_reader.h"
#include "write/households_json.h"

using namespace kehoach;

KEHOACH_FUZZ_TARGET(households) {
  static const PovertyStandard standard = read_standard(fuzz::source_path("data/standards/quoc-gia-2022-2025.yaml"));
  const std::string path = fuzz::write_input("ho-gia-dinh.csv", input);
  fuzz::refusing_bad_input([&] {
    HouseholdsSummary summary;
    summary.standard = standard;
    summary.year = 2022;
    summary.census = load_households(path, standard, RecordsOptions{"", input.size() % 2 == 1});
    households_json(summary.report());
  });
}
