/** The host's files by their raw byte names, through libc and the FFM API; needs native access. */
module dev.vigil.os {
    exports dev.vigil.os;
}
