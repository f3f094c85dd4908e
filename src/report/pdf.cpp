#include "report/pdf.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/process.hpp"

namespace bostad::report {

namespace fs = std::filesystem;

void write_pdf(const fs::path& html, const fs::path& pdf, const fs::path& scratch, const fs::path& weasyprint) {
    if (!fs::exists(weasyprint)) {
        throw IoError(fmt::format("the PDF needs WeasyPrint ({} is missing): apt install weasyprint (scripts/setup installs "
                                  "it; the bostad package recommends it); or leave pdf out of --format",
                                  weasyprint.string()));
    }
    const ProgramRun run = run_program({weasyprint.string(), "--quiet", "--encoding", "utf-8", html.string(), pdf.string()},
                                       scratch / "weasyprint.log");
    if (run.exit_code != 0 || !fs::exists(pdf)) {
        throw IoError(fmt::format("WeasyPrint could not write the PDF (exit code {}): {}", run.exit_code, run.output));
    }
}

} // namespace bostad::report
