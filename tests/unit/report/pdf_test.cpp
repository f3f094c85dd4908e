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

/// A report's HTML in a folder of its own, and what write_pdf says of it.
class Pdf : public testing::Test {
protected:
    void SetUp() override { test::write_file(html(), "<html><body>x</body></html>"); }
    fs::path html() const { return dir.path() / "r.html"; }
    fs::path pdf() const { return dir.path() / "r.pdf"; }

    /// A stand-in for WeasyPrint: a shell script with this body.
    fs::path fake_weasyprint(const std::string& body) const {
        const fs::path fake = dir.path() / "weasyprint";
        test::write_file(fake, "#!/bin/sh\n" + body);
        EXPECT_EQ(::chmod(fake.c_str(), 0755), 0);
        return fake;
    }

    std::string message_with(const fs::path& weasyprint) const {
        try {
            write_pdf(html(), pdf(), dir.path(), weasyprint);
        } catch (const IoError& e) {
            return e.what();
        }
        return "no error";
    }

    test::TempDir dir;
};

TEST_F(Pdf, WithoutWeasyPrintTheMessageSaysHowToInstallItOrLeaveThePdfOut) {
    const std::string m = message_with(dir.path() / "no-such-weasyprint");
    EXPECT_NE(m.find("apt install weasyprint"), std::string::npos) << m;
    EXPECT_NE(m.find("leave pdf out of --format"), std::string::npos) << m;
    EXPECT_NE(m.find("no-such-weasyprint"), std::string::npos) << m;
    EXPECT_FALSE(fs::exists(pdf()));
}

TEST_F(Pdf, AFailingWeasyPrintIsAnErrorWithItsExitCodeAndOutput) {
    // As WeasyPrint fails on a broken installation: a complaint and an exit code.
    const std::string m = message_with(fake_weasyprint("echo 'cairo: no such font' >&2\nexit 3\n"));
    EXPECT_NE(m.find("exit code 3"), std::string::npos) << m;
    EXPECT_NE(m.find("cairo: no such font"), std::string::npos) << m;
}

TEST_F(Pdf, AWeasyPrintThatWritesNothingIsAnErrorToo) {
    const std::string m = message_with(fake_weasyprint("exit 0\n"));
    EXPECT_NE(m.find("could not write the PDF"), std::string::npos) << m;
}

} // namespace
} // namespace bostad::report
