package vn.hocba.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import vn.hocba.model.YearRecord;
import vn.hocba.store.ArtefactInfo;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.JobView;

/** The JSON shapes of the API (documented in openapi.json). */
final class Views {

    static final String JSON = "application/json;charset=UTF-8";

    private Views() {
    }

    static Response json(Object body) {
        return Response.ok(Json.write(body), JSON).build();
    }

    static Response json(int status, Object body) {
        return Response.status(status).type(JSON).entity(Json.write(body)).build();
    }

    static Map<String, Object> record(StoredRecord r, List<StoredRecord> versions) {
        YearRecord rec = r.record();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rec.recordId());
        m.put("version", rec.version());
        m.put("state", rec.state());
        m.put("stateLabel", rec.state().label());
        m.put("school", Map.of("code", rec.school().code(), "name", rec.school().name()));
        m.put("year", rec.year().toString());
        m.put("className", rec.schoolClass().name());
        m.put("grade", rec.schoolClass().grade());
        m.put("pupil", rec.pupil());
        m.put("personalIdValid", rec.pupil().hasValidPersonalId());
        m.put("result", rec.effectiveResult() == null ? "" : rec.effectiveResult().nationalCode());
        m.put("outcome", rec.outcome());
        m.put("assessment", rec.assessment());
        m.put("history", rec.history());
        m.put("correction", rec.correction());
        m.put("contentSha256", r.contentSha256());
        m.put("artefacts", artefacts(r));
        m.put("issuedAt", r.issuedAt());
        m.put("supersededBy", r.supersededBy());
        List<Map<String, Object>> vs = new ArrayList<>();
        for (StoredRecord v : versions) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("version", v.record().version());
            one.put("state", v.state());
            one.put("issuedAt", v.issuedAt());
            one.put("supersededBy", v.supersededBy());
            one.put("correctionReason", v.record().correction() == null ? "" : v.record().correction().reason());
            vs.add(one);
        }
        m.put("versions", vs);
        return m;
    }

    static Map<String, Object> artefacts(StoredRecord r) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (ArtefactInfo info : new ArtefactInfo[] { r.pdf(), r.xml() }) {
            if (info != null) a.put(info.kind().name().toLowerCase(), Map.of("sha256", info.sha256(), "size",
                    info.size()));
        }
        return a;
    }

    static Map<String, Object> job(JobView j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("kind", j.kind());
        m.put("school", j.schoolCode());
        m.put("year", j.year());
        m.put("className", j.className());
        m.put("requestedBy", j.requestedBy());
        m.put("signerRole", j.signerRole());
        m.put("status", j.status());
        m.put("total", j.total());
        m.put("done", j.done());
        m.put("skipped", j.skipped());
        m.put("failed", j.failed());
        m.put("progress", j.progress());
        m.put("createdAt", j.createdAt());
        m.put("updatedAt", j.updatedAt());
        m.put("items", j.items());
        return m;
    }
}
