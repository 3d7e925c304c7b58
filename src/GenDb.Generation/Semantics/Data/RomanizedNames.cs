using System.Collections.Frozen;

namespace GenDb.Generation.Semantics.Data;

/// <summary>
/// Given and family names of Japanese (Hepburn), Korean (as Koreans usually spell them) and
/// Chinese (pinyin) speakers in Latin letters. Bogus writes these locales' names in their own scripts,
/// which do not fold to ASCII offline, so an email address or username would read
/// <c>user.name32</c>. Each native name is spelled by its known romanization, or else stands for
/// one of these common names, always the same one.
/// </summary>
/// <param name="Known">
/// The romanizations of the names Bogus lists for the locale, read one by one: <c>佐藤</c> is
/// Sato, <c>김</c> Kim, <c>王</c> Wang (one table per language: <c>林</c> is Hayashi in Japanese,
/// Lin in Chinese). Names a later Bogus adds fall back to the lists.
/// </param>
internal sealed record RomanizedNames(FrozenDictionary<string, string> Known, string[] Female, string[] Male, string[] Family)
{
    private static readonly RomanizedNames Japanese = new(
        // Given names (Bogus lists them for both sexes) and family names, in Hepburn.
        Table(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["大翔"] = "Hiroto", ["蓮"] = "Ren", ["颯太"] = "Sota", ["樹"] = "Itsuki", ["大和"] = "Yamato", ["陽翔"] = "Haruto",
            ["陸斗"] = "Rikuto", ["太一"] = "Taichi", ["海翔"] = "Kaito", ["蒼空"] = "Sora", ["翼"] = "Tsubasa", ["陽菜"] = "Hina",
            ["結愛"] = "Yua", ["結衣"] = "Yui", ["杏"] = "An", ["莉子"] = "Riko", ["美羽"] = "Miu", ["結菜"] = "Yuna", ["心愛"] = "Kokoa",
            ["愛菜"] = "Mana", ["美咲"] = "Misaki",
            ["佐藤"] = "Sato", ["鈴木"] = "Suzuki", ["高橋"] = "Takahashi", ["田中"] = "Tanaka", ["渡辺"] = "Watanabe", ["伊藤"] = "Ito",
            ["山本"] = "Yamamoto", ["中村"] = "Nakamura", ["小林"] = "Kobayashi", ["加藤"] = "Kato", ["吉田"] = "Yoshida", ["山田"] = "Yamada",
            ["佐々木"] = "Sasaki", ["山口"] = "Yamaguchi", ["斎藤"] = "Saito", ["松本"] = "Matsumoto", ["井上"] = "Inoue", ["木村"] = "Kimura",
            ["林"] = "Hayashi", ["清水"] = "Shimizu",
        }),
        ["Yui", "Aoi", "Sakura", "Hina", "Yuna", "Mei", "Rin", "Miku", "Haruka", "Yuki", "Emi", "Ayaka", "Nanami", "Misaki", "Kaori",
            "Mai", "Naoko", "Akiko", "Yoko", "Keiko", "Tomoko", "Megumi", "Asuka", "Natsuki", "Saki"],
        ["Haruto", "Sota", "Yuto", "Ren", "Hiroshi", "Takashi", "Kenji", "Daiki", "Sho", "Kaito", "Riku", "Takumi", "Yuma", "Kazuki",
            "Shota", "Ryo", "Naoki", "Satoshi", "Makoto", "Tsubasa", "Kenta", "Yusuke", "Taro", "Akira", "Koji"],
        ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada",
            "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Yamazaki", "Mori", "Abe", "Ikeda", "Hashimoto",
            "Ishikawa", "Nakajima", "Maeda", "Fujita", "Ogawa", "Okada"]);

    private static readonly RomanizedNames Korean = new(
        // In the spellings Koreans most often use in passports.
        Table(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["서연"] = "Seoyeon", ["민서"] = "Minseo", ["서현"] = "Seohyun", ["지우"] = "Jiwoo", ["서윤"] = "Seoyoon", ["지민"] = "Jimin",
            ["수빈"] = "Subin", ["하은"] = "Haeun", ["예은"] = "Yeeun", ["윤서"] = "Yoonseo", ["민준"] = "Minjun", ["지후"] = "Jihu",
            ["지훈"] = "Jihoon", ["준서"] = "Junseo", ["현우"] = "Hyunwoo", ["예준"] = "Yejun", ["건우"] = "Gunwoo", ["현준"] = "Hyunjun",
            ["민재"] = "Minjae", ["우진"] = "Woojin", ["은주"] = "Eunju",
            ["김"] = "Kim", ["이"] = "Lee", ["박"] = "Park", ["최"] = "Choi", ["정"] = "Jung", ["강"] = "Kang", ["조"] = "Cho",
            ["윤"] = "Yoon", ["장"] = "Jang", ["임"] = "Lim", ["오"] = "Oh", ["한"] = "Han", ["신"] = "Shin", ["서"] = "Seo",
            ["권"] = "Kwon", ["황"] = "Hwang", ["안"] = "Ahn", ["송"] = "Song", ["류"] = "Ryu", ["홍"] = "Hong",
        }),
        ["Jiyoung", "Minji", "Seoyeon", "Jiwoo", "Soyeon", "Eunji", "Hyejin", "Yuna", "Sujin", "Jieun", "Hayoung", "Dahye", "Yejin",
            "Minseo", "Seojin", "Eunbi", "Nayeon", "Jimin", "Sooah", "Hyunjung"],
        ["Minjun", "Seojun", "Jihoon", "Hyunwoo", "Junho", "Donghyun", "Sungmin", "Jaehyun", "Taeyang", "Youngho", "Minho", "Jinwoo",
            "Sangwoo", "Kyungsoo", "Dongwook", "Jisung", "Woojin", "Seungho", "Hyunsoo", "Joonyoung"],
        ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn",
            "Song", "Yoo", "Hong", "Jeon", "Ko", "Moon", "Yang", "Baek"]);

    private static readonly RomanizedNames Chinese = new(
        // Pinyin without tones.
        Table(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["绍齐"] = "Shaoqi", ["博文"] = "Bowen", ["梓晨"] = "Zichen", ["胤祥"] = "Yinxiang", ["瑞霖"] = "Ruilin", ["明哲"] = "Mingzhe",
            ["天翊"] = "Tianyi", ["凯瑞"] = "Kairui", ["健雄"] = "Jianxiong", ["耀杰"] = "Yaojie", ["潇然"] = "Xiaoran", ["子涵"] = "Zihan",
            ["越彬"] = "Yuebin", ["钰轩"] = "Yuxuan", ["智辉"] = "Zhihui", ["致远"] = "Zhiyuan", ["俊驰"] = "Junchi", ["雨泽"] = "Yuze",
            ["烨磊"] = "Yelei", ["晟睿"] = "Shengrui", ["文昊"] = "Wenhao", ["修洁"] = "Xiujie", ["黎昕"] = "Lixin", ["远航"] = "Yuanhang",
            ["旭尧"] = "Xuyao", ["鸿涛"] = "Hongtao", ["伟祺"] = "Weiqi", ["荣轩"] = "Rongxuan", ["越泽"] = "Yueze", ["浩宇"] = "Haoyu",
            ["瑾瑜"] = "Jinyu", ["皓轩"] = "Haoxuan", ["擎苍"] = "Qingcang", ["擎宇"] = "Qingyu", ["志泽"] = "Zhize", ["子轩"] = "Zixuan",
            ["睿渊"] = "Ruiyuan", ["弘文"] = "Hongwen", ["哲瀚"] = "Zhehan", ["楷瑞"] = "Kairui", ["建辉"] = "Jianhui", ["晋鹏"] = "Jinpeng",
            ["天磊"] = "Tianlei", ["绍辉"] = "Shaohui", ["泽洋"] = "Zeyang", ["鑫磊"] = "Xinlei", ["鹏煊"] = "Pengxuan", ["昊强"] = "Haoqiang",
            ["伟宸"] = "Weichen", ["博超"] = "Bochao", ["君浩"] = "Junhao", ["子骞"] = "Ziqian", ["鹏涛"] = "Pengtao", ["炎彬"] = "Yanbin",
            ["鹤轩"] = "Hexuan", ["风华"] = "Fenghua", ["靖琪"] = "Jingqi", ["明辉"] = "Minghui", ["伟诚"] = "Weicheng", ["明轩"] = "Mingxuan",
            ["健柏"] = "Jianbai", ["修杰"] = "Xiujie", ["峻熙"] = "Junxi", ["嘉懿"] = "Jiayi", ["煜城"] = "Yucheng", ["懿轩"] = "Yixuan",
            ["烨伟"] = "Yewei", ["苑博"] = "Yuanbo", ["伟泽"] = "Weize", ["熠彤"] = "Yitong", ["鸿煊"] = "Hongxuan", ["博涛"] = "Botao",
            ["烨霖"] = "Yelin", ["烨华"] = "Yehua", ["煜祺"] = "Yuqi", ["智宸"] = "Zhichen", ["正豪"] = "Zhenghao", ["昊然"] = "Haoran",
            ["明杰"] = "Mingjie", ["立诚"] = "Licheng", ["立轩"] = "Lixuan", ["立辉"] = "Lihui", ["鑫鹏"] = "Xinpeng", ["昊天"] = "Haotian",
            ["思聪"] = "Sicong", ["展鹏"] = "Zhanpeng", ["笑愚"] = "Xiaoyu", ["志强"] = "Zhiqiang", ["炫明"] = "Xuanming", ["雪松"] = "Xuesong",
            ["思源"] = "Siyuan", ["智渊"] = "Zhiyuan", ["思淼"] = "Simiao", ["晓啸"] = "Xiaoxiao", ["天宇"] = "Tianyu", ["浩然"] = "Haoran",
            ["文轩"] = "Wenxuan", ["鹭洋"] = "Luyang", ["振家"] = "Zhenjia", ["乐驹"] = "Leju", ["晓博"] = "Xiaobo", ["文博"] = "Wenbo",
            ["昊焱"] = "Haoyan", ["立果"] = "Liguo", ["金鑫"] = "Jinxin", ["锦程"] = "Jincheng", ["嘉熙"] = "Jiaxi", ["鹏飞"] = "Pengfei",
            ["子默"] = "Zimo", ["思远"] = "Siyuan", ["浩轩"] = "Haoxuan", ["语堂"] = "Yutang", ["聪健"] = "Congjian", ["明"] = "Ming",
            ["文"] = "Wen", ["果"] = "Guo", ["思"] = "Si", ["鹏"] = "Peng", ["驰"] = "Chi", ["涛"] = "Tao", ["琪"] = "Qi", ["浩"] = "Hao",
            ["航"] = "Hang", ["彬"] = "Bin",
            ["王"] = "Wang", ["李"] = "Li", ["张"] = "Zhang", ["刘"] = "Liu", ["陈"] = "Chen", ["杨"] = "Yang", ["黄"] = "Huang",
            ["吴"] = "Wu", ["赵"] = "Zhao", ["周"] = "Zhou", ["徐"] = "Xu", ["孙"] = "Sun", ["马"] = "Ma", ["朱"] = "Zhu", ["胡"] = "Hu",
            ["林"] = "Lin", ["郭"] = "Guo", ["何"] = "He", ["高"] = "Gao", ["罗"] = "Luo", ["郑"] = "Zheng", ["梁"] = "Liang",
            ["谢"] = "Xie", ["宋"] = "Song", ["唐"] = "Tang", ["许"] = "Xu", ["邓"] = "Deng", ["冯"] = "Feng", ["韩"] = "Han",
            ["曹"] = "Cao", ["曾"] = "Zeng", ["彭"] = "Peng", ["萧"] = "Xiao", ["蔡"] = "Cai", ["潘"] = "Pan", ["田"] = "Tian",
            ["董"] = "Dong", ["袁"] = "Yuan", ["于"] = "Yu", ["余"] = "Yu", ["叶"] = "Ye", ["蒋"] = "Jiang", ["杜"] = "Du", ["苏"] = "Su",
            ["魏"] = "Wei", ["程"] = "Cheng", ["吕"] = "Lyu", ["丁"] = "Ding", ["沈"] = "Shen", ["任"] = "Ren", ["姚"] = "Yao",
            ["卢"] = "Lu", ["傅"] = "Fu", ["钟"] = "Zhong", ["姜"] = "Jiang", ["崔"] = "Cui", ["谭"] = "Tan", ["廖"] = "Liao",
            ["范"] = "Fan", ["汪"] = "Wang", ["陆"] = "Lu", ["金"] = "Jin", ["石"] = "Shi", ["戴"] = "Dai", ["贾"] = "Jia", ["韦"] = "Wei",
            ["夏"] = "Xia", ["邱"] = "Qiu", ["方"] = "Fang", ["侯"] = "Hou", ["邹"] = "Zou", ["熊"] = "Xiong", ["孟"] = "Meng",
            ["秦"] = "Qin", ["白"] = "Bai", ["江"] = "Jiang", ["阎"] = "Yan", ["薛"] = "Xue", ["尹"] = "Yin", ["段"] = "Duan",
            ["雷"] = "Lei", ["黎"] = "Li", ["史"] = "Shi", ["龙"] = "Long", ["陶"] = "Tao", ["贺"] = "He", ["顾"] = "Gu", ["毛"] = "Mao",
            ["郝"] = "Hao", ["龚"] = "Gong", ["邵"] = "Shao", ["万"] = "Wan", ["钱"] = "Qian", ["严"] = "Yan", ["赖"] = "Lai",
            ["覃"] = "Qin", ["洪"] = "Hong", ["武"] = "Wu", ["莫"] = "Mo", ["孔"] = "Kong",
        }),
        ["Xiaomei", "Jing", "Yan", "Fang", "Min", "Ying", "Hui", "Na", "Xiu", "Lan", "Mei", "Ting", "Xin", "Yue", "Lili", "Xiaoyan",
            "Jingjing", "Qian", "Shu", "Wen"],
        ["Wei", "Jun", "Lei", "Hao", "Qiang", "Ming", "Jie", "Tao", "Peng", "Bo", "Chao", "Yong", "Jian", "Feng", "Long", "Zhiwei",
            "Haoran", "Yifan", "Zihao", "Kai"],
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin",
            "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang"]);

    /// <summary>
    /// The Latin spelling of <paramref name="native"/>, item <paramref name="index"/> of a list of
    /// <paramref name="kind"/> names: its romanization where known, else a common name of the
    /// same kind, the same one on every run.
    /// </summary>
    public string Romanize(string native, int index, NameKind kind)
    {
        if (Known.TryGetValue(native, out var known))
        {
            return known;
        }

        var names = kind switch
        {
            NameKind.Female => Female,
            NameKind.Male => Male,
            _ => Family,
        };
        return names[index % names.Length];
    }

    private static FrozenDictionary<string, string> Table(Dictionary<string, string> names) => names.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The names for a Bogus locale whose names are not in Latin letters, or null.</summary>
    public static RomanizedNames? For(string locale) => locale.Split('_')[0] switch
    {
        "ja" => Japanese,
        "ko" => Korean,
        "zh" => Chinese,
        _ => null,
    };
}

internal enum NameKind
{
    Female,
    Male,
    Family,
}
