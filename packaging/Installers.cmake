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
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nginx | apache2, gnome-keyring | kwalletmanager, openssl, pkexec")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "curl")
elseif(WIN32 OR APPLE)
    # Qt's translations of its standard dialogs (qtbase_zh_CN.qm), shipped beside the program: where Qt keeps
    # them (the official installers, vcpkg) or the share/qt/translations of a Homebrew prefix.
    find_file(MTLS_QTBASE_ZH_QM qtbase_zh_CN.qm
        HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_TRANSLATIONS}" "${QT6_INSTALL_PREFIX}"
        PATH_SUFFIXES translations share/qt/translations share/qt6/translations)
    if(NOT MTLS_QTBASE_ZH_QM)
        message(WARNING "qtbase_zh_CN.qm was not found (Qt's translations are not installed?): Qt's standard "
            "buttons will stay in English in the Chinese interface. Set MTLS_QTBASE_ZH_QM to the file.")
    endif()
    if(WIN32)
        # An NSIS installer (packaging/windows/README.md): per-user without administrator rights, Start menu
        # entry, uninstaller; windeployqt, the OpenSSL 3 DLLs, QtKeychain, QuaZip, the MSVC runtime.
        set(CPACK_GENERATOR NSIS)
        include(${CMAKE_CURRENT_LIST_DIR}/windows/Nsis.cmake)
        include(${CMAKE_CURRENT_LIST_DIR}/windows/Windows.cmake)
    else()
        # A DMG holding mtls-assistant.app (packaging/macos/README.md): macdeployqt, signed ad hoc by default.
        set(CPACK_GENERATOR DragNDrop)
        set(CPACK_DMG_VOLUME_NAME "${MTLS_APP_NAME}")
        set(CPACK_DMG_FORMAT UDZO)
        include(${CMAKE_CURRENT_LIST_DIR}/macos/MacOS.cmake)
    endif()
endif()

include(CPack)
