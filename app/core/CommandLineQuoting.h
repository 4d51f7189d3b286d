#pragma once

#include <QString>

namespace mtls {

// One argument of a Windows command line, as CommandLineToArgvW splits it: quoted when it is empty or holds white
// space or a quote; backslashes before a quote (and at the end of a quoted argument) doubled.
QString windowsArgument(const QString& argument);
// One word for a POSIX shell: single-quoted, a single quote written as '\''.
QString shellWord(const QString& word);

} // namespace mtls
