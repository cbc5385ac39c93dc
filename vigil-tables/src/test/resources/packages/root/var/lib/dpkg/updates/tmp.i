Package: half-written
Status: install ok installed
Architecture: amd64
