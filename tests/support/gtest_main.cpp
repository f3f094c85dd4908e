// The main of every test executable: GoogleTest's, with one change to its printer. When a suite's
// SetUpTestSuite fails, GoogleTest marks the suite's tests "[  SKIPPED ]" and ctest, which reads that
// pattern, would count the run as green. Here such tests are printed as failed instead (the executable
// already exits 1), so ctest reports them as failures; a test that skips itself is still a skip.
#include <cstdio>
#include <memory>

#include <gtest/gtest.h>

namespace {

bool suite_setup_failed() {
    const testing::TestSuite* suite = testing::UnitTest::GetInstance()->current_test_suite();
    return suite && suite->ad_hoc_test_result().Failed();
}

class Printer : public testing::EmptyTestEventListener {
public:
    explicit Printer(testing::TestEventListener* inner) : m_inner(inner) {}

    void OnTestProgramStart(const testing::UnitTest& u) override { m_inner->OnTestProgramStart(u); }
    void OnTestIterationStart(const testing::UnitTest& u, int i) override { m_inner->OnTestIterationStart(u, i); }
    void OnEnvironmentsSetUpStart(const testing::UnitTest& u) override { m_inner->OnEnvironmentsSetUpStart(u); }
    void OnEnvironmentsSetUpEnd(const testing::UnitTest& u) override { m_inner->OnEnvironmentsSetUpEnd(u); }
    void OnTestSuiteStart(const testing::TestSuite& s) override { m_inner->OnTestSuiteStart(s); }
    void OnTestStart(const testing::TestInfo& t) override { m_inner->OnTestStart(t); }
    void OnTestPartResult(const testing::TestPartResult& r) override { m_inner->OnTestPartResult(r); }
    void OnTestEnd(const testing::TestInfo& t) override {
        if (t.result()->Skipped() && suite_setup_failed()) {
            ++m_not_run;
            printf("[  FAILED  ] %s.%s: not run, because its suite's SetUpTestSuite failed\n", t.test_suite_name(), t.name());
            fflush(stdout);
            return;
        }
        m_inner->OnTestEnd(t);
    }
    void OnTestSuiteEnd(const testing::TestSuite& s) override { m_inner->OnTestSuiteEnd(s); }
    void OnEnvironmentsTearDownStart(const testing::UnitTest& u) override { m_inner->OnEnvironmentsTearDownStart(u); }
    void OnEnvironmentsTearDownEnd(const testing::UnitTest& u) override { m_inner->OnEnvironmentsTearDownEnd(u); }
    void OnTestIterationEnd(const testing::UnitTest& u, int i) override {
        if (m_not_run == 0) {
            m_inner->OnTestIterationEnd(u, i);
            return;
        }
        // GoogleTest's summary would list these tests as skipped.
        printf("[  FAILED  ] %d test(s) not run: their suite's SetUpTestSuite failed (see above)\n", m_not_run);
        fflush(stdout);
    }
    void OnTestProgramEnd(const testing::UnitTest& u) override { m_inner->OnTestProgramEnd(u); }

private:
    std::unique_ptr<testing::TestEventListener> m_inner;
    int m_not_run = 0;
};

} // namespace

int main(int argc, char** argv) {
    testing::InitGoogleTest(&argc, argv);
    testing::TestEventListeners& listeners = testing::UnitTest::GetInstance()->listeners();
    if (testing::TestEventListener* inner = listeners.default_result_printer()) {
        listeners.Release(inner);
        listeners.Append(new Printer(inner));
    }
    return RUN_ALL_TESTS();
}
