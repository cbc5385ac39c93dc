/** The vigil command: shell, query, trace, docs. */
module dev.vigil.cli {
    requires dev.vigil.host;
    requires info.picocli;
    requires org.jline;
    requires jdk.unsupported; // sun.misc.Signal: Ctrl-C stops a one-shot query

    opens dev.vigil.cli to info.picocli; // picocli sets annotated fields reflectively
}
