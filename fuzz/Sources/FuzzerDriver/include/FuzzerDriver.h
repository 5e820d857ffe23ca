#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, linked in by -sanitize=fuzzer. Called from Swift's main because SwiftPM renames an
// executable's entry point, so libFuzzer's own main cannot be used.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
