#pragma once
// The report's PDF: its HTML printed by WeasyPrint (a program of its own, run without a shell).

#include <filesystem>

namespace bostad::report {

/// Where Debian's weasyprint package puts the program.
inline constexpr const char* k_weasyprint = "/usr/bin/weasyprint";

/// Prints `html` into `pdf`; WeasyPrint's messages go to a log in `scratch`. IoError when `weasyprint` is not
/// installed (saying how to install it or leave the PDF out) or when it fails (with its exit code and output).
void write_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf, const std::filesystem::path& scratch,
               const std::filesystem::path& weasyprint = k_weasyprint);

} // namespace bostad::report
