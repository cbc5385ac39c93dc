/**
 * The SQL engine: SQLite through the FFM API (needs native access), the table SPI, osquery's SQL functions. Its
 * service lists must agree with META-INF/services, which the class path reads (a test compares them).
 */
module dev.vigil.sql {
    exports dev.vigil.sql;
    exports dev.vigil.sql.spi;
    exports dev.vigil.sql.text;

    uses dev.vigil.sql.spi.TableProvider;
    uses dev.vigil.sql.spi.SqlFunction;

    provides dev.vigil.sql.spi.SqlFunction with
            dev.vigil.sql.functions.StringFunctions.Split,
            dev.vigil.sql.functions.StringFunctions.Concat,
            dev.vigil.sql.functions.StringFunctions.ConcatWs,
            dev.vigil.sql.functions.RegexFunctions.RegexMatch,
            dev.vigil.sql.functions.RegexFunctions.RegexSplit,
            dev.vigil.sql.functions.NetworkFunctions.InetAton,
            dev.vigil.sql.functions.NetworkFunctions.InCidrBlock,
            dev.vigil.sql.functions.CommunityIdFunctions.CommunityIdV1,
            dev.vigil.sql.functions.CommunityIdFunctions.CommunityIdV1Seeded,
            dev.vigil.sql.functions.CommunityIdFunctions.CommunityIdV1Strict,
            dev.vigil.sql.functions.CommunityIdFunctions.CommunityIdV1StrictSeeded,
            dev.vigil.sql.functions.VersionFunctions.VersionCompare,
            dev.vigil.sql.functions.HashFunctions.Md5,
            dev.vigil.sql.functions.HashFunctions.Sha1,
            dev.vigil.sql.functions.HashFunctions.Sha256,
            dev.vigil.sql.functions.EncodingFunctions.ToBase64,
            dev.vigil.sql.functions.EncodingFunctions.FromBase64,
            dev.vigil.sql.functions.EncodingFunctions.ConditionalToBase64,
            dev.vigil.sql.functions.MathFunctions.Sqrt,
            dev.vigil.sql.functions.MathFunctions.Log,
            dev.vigil.sql.functions.MathFunctions.Log10,
            dev.vigil.sql.functions.MathFunctions.Exp,
            dev.vigil.sql.functions.MathFunctions.Power,
            dev.vigil.sql.functions.MathFunctions.Pi,
            dev.vigil.sql.functions.MathFunctions.Ceil,
            dev.vigil.sql.functions.MathFunctions.Floor,
            dev.vigil.sql.functions.MathFunctions.Sin,
            dev.vigil.sql.functions.MathFunctions.Cos,
            dev.vigil.sql.functions.MathFunctions.Tan,
            dev.vigil.sql.functions.MathFunctions.Cot,
            dev.vigil.sql.functions.MathFunctions.Asin,
            dev.vigil.sql.functions.MathFunctions.Acos,
            dev.vigil.sql.functions.MathFunctions.Atan,
            dev.vigil.sql.functions.MathFunctions.Degrees,
            dev.vigil.sql.functions.MathFunctions.Radians;
}
