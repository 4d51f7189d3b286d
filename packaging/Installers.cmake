# CPack: a .deb on Linux, an NSIS installer on Windows, a DMG on macOS. Version and names come from project().
set(CPACK_PACKAGE_NAME mtls-assistant)
set(CPACK_PACKAGE_VENDOR "The mTLS Assistant authors")
set(CPACK_PACKAGE_CONTACT "The mTLS Assistant authors <mtls-assistant@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${MTLS_APP_NAME}")
set(CPACK_PACKAGE_EXECUTABLES "mtls-assistant;${MTLS_APP_NAME}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/")

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR DEB)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION net)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
        "Sets up HTTPS mutual TLS for Tencent Cloud Chat webhooks on Nginx and Apache
 mTLS Assistant checks certificate files in every common format (including the zip
 packages downloaded from Tencent Cloud), writes the Nginx or Apache configuration,
 proves it with the real server, applies it with backup and rollback, and tests
 the live webhook endpoint. A wizard (mtls-assistant) and a command line
 (mtls-assistant-cli) share one engine.")
    # Loaded at run time, so shlibdeps cannot see them: the Qt platform and SVG plugins, the keychain's
    # backend, Qt's own translations.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, qt6-translations-l10n, libsecret-1-0")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nginx | apache2, gnome-keyring | kwalletmanager, openssl")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "curl")
elseif(WIN32)
    set(CPACK_GENERATOR NSIS)
    # Per-user install into %LOCALAPPDATA%\Programs: no administrator rights needed.
    set(CPACK_NSIS_INSTALL_ROOT "$LOCALAPPDATA\\\\Programs")
    set(CPACK_NSIS_DEFINES "RequestExecutionLevel user")
    set(CPACK_NSIS_PACKAGE_NAME "${MTLS_APP_NAME}")
    set(CPACK_NSIS_DISPLAY_NAME "${MTLS_APP_NAME}")
    set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_BINARY_DIR}/icons/mtls-assistant.ico")
    set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_BINARY_DIR}/icons/mtls-assistant.ico")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\mtls-assistant.exe")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH OFF)
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_MENU_LINKS "bin/mtls-assistant.exe" "${MTLS_APP_NAME}")
    # Qt (windeployqt: libraries, plugins, Qt's own translations), QtKeychain, QuaZip and the OpenSSL 3 DLLs.
    find_program(MTLS_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/bin" "${Qt6_DIR}/../../../bin" REQUIRED)
    install(IMPORTED_RUNTIME_ARTIFACTS Qt6Keychain::Qt6Keychain QuaZip::QuaZip RUNTIME DESTINATION bin)
    get_filename_component(MTLS_OPENSSL_DIR "${OPENSSL_CRYPTO_LIBRARY}" DIRECTORY)
    file(GLOB MTLS_OPENSSL_DLLS "${MTLS_OPENSSL_DIR}/../bin/libcrypto-3*.dll" "${MTLS_OPENSSL_DIR}/../bin/libssl-3*.dll"
        "${MTLS_OPENSSL_DIR}/libcrypto-3*.dll" "${MTLS_OPENSSL_DIR}/libssl-3*.dll")
    install(FILES ${MTLS_OPENSSL_DLLS} DESTINATION bin)
    install(CODE "execute_process(COMMAND \"${MTLS_WINDEPLOYQT}\" --release --no-compiler-runtime --no-system-d3d-compiler
        --dir \"\${CMAKE_INSTALL_PREFIX}/bin\" \"\${CMAKE_INSTALL_PREFIX}/bin/mtls-assistant.exe\"
        \"\${CMAKE_INSTALL_PREFIX}/bin/mtls-assistant-cli.exe\" COMMAND_ERROR_IS_FATAL ANY)")
    install(FILES ${MTLS_ICON_ICO} DESTINATION bin)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME "${MTLS_APP_NAME}")
    set(CPACK_DMG_FORMAT UDZO)
    # macdeployqt copies Qt into the bundle; every binary is signed ad hoc ("-") unless MTLS_CODESIGN_IDENTITY
    # names a Developer ID (see packaging/macos/README.md for signing and notarization with a real identity).
    set(MTLS_CODESIGN_IDENTITY "-" CACHE STRING "codesign identity for the macOS bundle ('-': ad hoc)")
    find_program(MTLS_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/bin" REQUIRED)
    install(CODE "execute_process(COMMAND \"${MTLS_MACDEPLOYQT}\" \"\${CMAKE_INSTALL_PREFIX}/mtls-assistant.app\"
        \"-executable=\${CMAKE_INSTALL_PREFIX}/mtls-assistant.app/Contents/MacOS/mtls-assistant-cli\"
        -always-overwrite -codesign=${MTLS_CODESIGN_IDENTITY} COMMAND_ERROR_IS_FATAL ANY)")
endif()

include(CPack)
