package cn.zhifa.documents;

/** Evidence material (证据材料) or an audio-video record (音像记录: photo, sound or video). */
public enum AttachmentKind {
    EVIDENCE("证据材料"),
    AUDIO_VIDEO("音像记录");

    private final String chineseName;

    AttachmentKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
