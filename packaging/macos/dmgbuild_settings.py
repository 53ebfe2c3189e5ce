"""dmgbuild settings for the macOS disk image: readerapp.app beside a link to /Applications,
so that installing is dragging one icon onto the other (packaging/README.md).

    dmgbuild -s packaging/macos/dmgbuild_settings.py \\
        -D app=dist/readerapp.app -D icon=build/icons/readerapp.icns \\
        readerapp dist/readerapp-<version>.dmg

dmgbuild executes this file with `defines` (the -D values) in its namespace and reads the
module-level names below; see https://dmgbuild.readthedocs.io/en/latest/settings.html.
"""

# ruff: noqa: F821 (dmgbuild provides `defines`)
import os.path

application = defines.get("app", "dist/readerapp.app")
appname = os.path.basename(application)

# compressed with zlib: opens on every supported macOS, unlike ULFO (lzfse) on the oldest
format = "UDZO"
# None: dmgbuild sizes the image from its contents
size = None
files = [application]
symlinks = {"Applications": "/Applications"}

# the volume's icon in the Finder is the app's icon
icon = defines.get("icon", os.path.join(application, "Contents", "Resources", "readerapp.icns"))

# a plain window, just wide enough for the two icons side by side
window_rect = ((200, 160), (540, 320))
default_view = "icon-view"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
icon_size = 128
text_size = 13
icon_locations = {
    appname: (140, 150),
    "Applications": (400, 150),
}
