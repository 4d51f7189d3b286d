# What the DMG needs besides the bundle installed by app/ (with mtls-assistant-cli in Contents/MacOS): Qt's own
# translations, which macdeployqt does not copy, then macdeployqt and the signature (Deploy.cmake, at install
# time, so `cmake --install` and `cpack` produce the same bundle). Included from packaging/Installers.cmake.

find_program(MTLS_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" "${QT6_INSTALL_PREFIX}/bin"
    REQUIRED)
find_program(MTLS_CODESIGN codesign REQUIRED)
# "-": ad hoc, enough for the machine that built it and for testing; a "Developer ID Application: ..." identity
# from the keychain signs with the hardened runtime and a secure timestamp, ready for notarization
# (packaging/macos/README.md).
set(MTLS_CODESIGN_IDENTITY "-" CACHE STRING "codesign identity for the macOS bundle ('-': ad hoc)")

if(MTLS_QTBASE_ZH_QM)
    install(FILES ${MTLS_QTBASE_ZH_QM} DESTINATION mtls-assistant.app/Contents/Resources/translations)
endif()
install(CODE "set(MTLS_MACDEPLOYQT \"${MTLS_MACDEPLOYQT}\")
set(MTLS_CODESIGN \"${MTLS_CODESIGN}\")
set(MTLS_CODESIGN_IDENTITY \"${MTLS_CODESIGN_IDENTITY}\")")
install(SCRIPT "${CMAKE_CURRENT_LIST_DIR}/Deploy.cmake")
