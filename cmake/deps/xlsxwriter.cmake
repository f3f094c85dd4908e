# libxlsxwriter: the report's tables as an XLSX workbook (text always written as text, never as formulas).
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
add_library(bostad::xlsxwriter ALIAS PkgConfig::XLSXWRITER)
