// The PDF step's answers when WeasyPrint is not there or fails: a message that says what to do, nothing half
// written claimed as done. (WeasyPrint itself is exercised by the report's integration tests.)
#include <gtest/gtest.h>

#include <filesystem>

#include <sys/stat.h>

#include "core/error.hpp"
#include "report/pdf.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace bostad::report {
namespace {

namespace fs = std::filesystem;

std::string message_of(const fs::path& html, const fs::path& pdf, const fs::path& scratch, const fs::path& weasyprint) {
    try {
        write_pdf(html, pdf, scratch, weasyprint);
    } catch (const IoError& e) {
        return e.what();
    }
    return "no error";
}

TEST(Pdf, WithoutWeasyPrintTheMessageSaysHowToInstallItOrLeaveThePdfOut) {
    test::TempDir dir;
    test::write_file(dir.path() / "r.html", "<html><body>x</body></html>");
    const std::string m = message_of(dir.path() / "r.html", dir.path() / "r.pdf", dir.path(), dir.path() / "no-such-weasyprint");
    EXPECT_NE(m.find("apt install weasyprint"), std::string::npos) << m;
    EXPECT_NE(m.find("leave pdf out of --format"), std::string::npos) << m;
    EXPECT_NE(m.find("no-such-weasyprint"), std::string::npos) << m;
    EXPECT_FALSE(fs::exists(dir.path() / "r.pdf"));
}

TEST(Pdf, AFailingWeasyPrintIsAnErrorWithItsExitCodeAndOutput) {
    test::TempDir dir;
    test::write_file(dir.path() / "r.html", "<html><body>x</body></html>");
    // A stand-in that complains and fails, as WeasyPrint does on a broken installation.
    const fs::path fake = dir.path() / "weasyprint";
    test::write_file(fake, "#!/bin/sh\necho 'cairo: no such font' >&2\nexit 3\n");
    ASSERT_EQ(::chmod(fake.c_str(), 0755), 0);
    const std::string m = message_of(dir.path() / "r.html", dir.path() / "r.pdf", dir.path(), fake);
    EXPECT_NE(m.find("exit code 3"), std::string::npos) << m;
    EXPECT_NE(m.find("cairo: no such font"), std::string::npos) << m;
}

TEST(Pdf, AWeasyPrintThatWritesNothingIsAnErrorToo) {
    test::TempDir dir;
    test::write_file(dir.path() / "r.html", "<html><body>x</body></html>");
    const fs::path fake = dir.path() / "weasyprint";
    test::write_file(fake, "#!/bin/sh\nexit 0\n");
    ASSERT_EQ(::chmod(fake.c_str(), 0755), 0);
    const std::string m = message_of(dir.path() / "r.html", dir.path() / "r.pdf", dir.path(), fake);
    EXPECT_NE(m.find("could not write the PDF"), std::string::npos) << m;
}

} // namespace
} // namespace bostad::report
