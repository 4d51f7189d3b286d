# Install-time script (cmake --install, cpack): makes mtls-assistant.app self-contained and signs it, inside out.
# Set by packaging/macos/MacOS.cmake: MTLS_MACDEPLOYQT, MTLS_CODESIGN, MTLS_CODESIGN_IDENTITY.
set(app "${CMAKE_INSTALL_PREFIX}/mtls-assistant.app")
set(cli "${app}/Contents/MacOS/mtls-assistant-cli")
if(NOT EXISTS "${app}/Contents/MacOS/mtls-assistant")
    message(FATAL_ERROR "${app} is missing or incomplete.")
endif()
set(hardened)
if(NOT MTLS_CODESIGN_IDENTITY STREQUAL "-")
    set(hardened --options runtime --timestamp)
endif()

# 1. Qt frameworks and plugins, and every other non-system library (OpenSSL, QtKeychain, QuaZip from Homebrew or
#    vcpkg) into Contents/Frameworks, for the wizard and, with -executable, for the command line beside it.
set(deploy "${app}" -always-overwrite "-codesign=${MTLS_CODESIGN_IDENTITY}")
if(EXISTS "${cli}")
    list(APPEND deploy "-executable=${cli}")
endif()
if(hardened)
    list(APPEND deploy -hardened-runtime -timestamp)
endif()
execute_process(COMMAND "${MTLS_MACDEPLOYQT}" ${deploy} COMMAND_ERROR_IS_FATAL ANY)

# 2. Sign again from the inside out, so the outer signature seals exactly what is in the bundle (nested code
#    first, the bundle last, no --deep), then check it the way Gatekeeper will.
if(EXISTS "${cli}")
    execute_process(COMMAND "${MTLS_CODESIGN}" --force --sign "${MTLS_CODESIGN_IDENTITY}" ${hardened} "${cli}"
        COMMAND_ERROR_IS_FATAL ANY)
endif()
execute_process(COMMAND "${MTLS_CODESIGN}" --force --sign "${MTLS_CODESIGN_IDENTITY}" ${hardened} "${app}"
    COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${MTLS_CODESIGN}" --verify --deep --strict --verbose=2 "${app}" COMMAND_ERROR_IS_FATAL ANY)
