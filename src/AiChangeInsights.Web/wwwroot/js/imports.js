// The Imports pages. /imports: each chosen or dropped file is sent on its own XMLHttpRequest (so its bar shows its
// own bytes sent) to /imports/upload; its import job is then followed through /imports/jobs once a second until it
// has a result, and the history below is refreshed in place. /imports/{id}: the undo form asks before it posts.
// A file of its own (no inline script), so a strict Content-Security-Policy can forbid inline scripts.
(() => {
    'use strict';

    for (const form of document.querySelectorAll('form[data-confirm]')) {
        form.addEventListener('submit', event => {
            if (!window.confirm(form.dataset.confirm)) event.preventDefault();
        });
    }

    const upload = document.getElementById('upload');
    if (!upload) return;

    const text = JSON.parse(document.getElementById('imports-text').textContent);
    const culture = text.culture || document.documentElement.lang;
    const number = new Intl.NumberFormat(culture);
    const percent = new Intl.NumberFormat(culture, { style: 'percent', maximumFractionDigits: 0 });
    const token = upload.querySelector('input[name="__RequestVerificationToken"]').value;
    const input = document.getElementById('files');
    const dropzone = document.getElementById('dropzone');
    const list = document.getElementById('uploads');
    const template = document.getElementById('upload-template');
    const finished = new Set(['done', 'failed', 'cancelled']);
    const tracked = new Map(); // job id -> card
    let polling = null;

    function size(bytes) {
        if (bytes < 1024 * 1024) return new Intl.NumberFormat(culture, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024)) + ' kB';
        return new Intl.NumberFormat(culture, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024) + ' MB';
    }

    function card(fileName, fileSize) {
        const item = template.content.firstElementChild.cloneNode(true);
        item.querySelector('.file-name').textContent = fileName;
        item.querySelector('.file-size').textContent = fileSize === null ? text.elsewhere : size(fileSize);
        list.prepend(item);
        return item;
    }

    function options() {
        const fields = {};
        for (const field of upload.querySelectorAll('.options [name]')) fields[field.name] = field.value.trim();
        return fields;
    }

    function fail(item, message) {
        item.dataset.state = 'failed';
        const badge = item.querySelector('.status-badge');
        badge.hidden = false;
        badge.className = 'status-badge status status-failed';
        badge.textContent = text.statuses.failed;
        const result = item.querySelector('.result');
        result.hidden = false;
        result.querySelector('.counts').hidden = true;
        result.querySelector('.message').textContent = message;
    }

    function send(file) {
        const item = card(file.name, file.size);
        const bar = item.querySelector('.upload-bar');
        const label = item.querySelector('.upload-text');
        const form = new FormData();
        form.append('files', file, file.name);
        for (const [name, value] of Object.entries(options())) if (value) form.append(name, value);

        const request = new XMLHttpRequest();
        request.open('POST', '/imports/upload');
        request.setRequestHeader('RequestVerificationToken', token);
        request.setRequestHeader('Accept', 'application/json');
        request.upload.addEventListener('progress', event => {
            if (!event.lengthComputable) return;
            bar.value = Math.round(100 * event.loaded / event.total);
            label.textContent = `${text.uploading} ${percent.format(event.loaded / event.total)} (${size(event.loaded)} ${text.of} ${size(event.total)})`;
        });
        request.addEventListener('load', () => {
            let body = null;
            try { body = JSON.parse(request.responseText); } catch { /* not JSON: an error page */ }
            if (request.status !== 200 || !body || !Array.isArray(body.jobs)) {
                fail(item, `${text.uploadFailed}: ${(body && body.message) || request.status + ' ' + request.statusText}`);
                return;
            }
            bar.value = 100;
            label.textContent = `${text.uploaded} (${size(file.size)})`;
            item.dataset.state = 'queued';
            for (const job of body.jobs) follow(job.job_id, item);
            poll(250);
        });
        request.addEventListener('error', () => fail(item, text.network));
        request.send(form);
    }

    function follow(jobId, item) {
        item.dataset.job = jobId;
        item.querySelector('.import-row').hidden = false;
        item.querySelector('.stage-text').textContent = text.stages.queued;
        const cancel = item.querySelector('.cancel');
        cancel.hidden = false;
        cancel.onclick = () => cancelJob(jobId, item);
        tracked.set(jobId, item);
    }

    async function cancelJob(jobId, item) {
        const cancel = item.querySelector('.cancel');
        cancel.disabled = true;
        cancel.textContent = text.cancelling;
        try {
            const response = await fetch(`/imports/jobs/${jobId}/cancel`, {
                method: 'POST', headers: { RequestVerificationToken: token, Accept: 'application/json' },
            });
            const body = await response.json();
            if (!body.cancelled) item.querySelector('.stage-text').textContent = text.tooLate;
        } catch {
            cancel.disabled = false;
        }
    }

    function show(item, job) {
        item.dataset.state = job.state;
        const importBar = item.querySelector('.import-bar');
        const stage = item.querySelector('.stage-text');
        importBar.value = job.percent;
        if (!finished.has(job.state)) {
            const parts = [`${text.stages[job.stage] || job.stage}`, percent.format(job.percent / 100)];
            if (job.rows_read !== null && job.rows_read !== undefined) parts.push(`${number.format(job.rows_read)} ${text.rowsRead}`);
            stage.textContent = parts.join(' · ');
            return;
        }
        tracked.delete(job.job_id);
        item.querySelector('.cancel').hidden = true;
        const summary = job.summary;
        const status = summary ? summary.status : job.state;
        stage.textContent = text.statuses[status] || status;
        const badge = item.querySelector('.status-badge');
        badge.hidden = false;
        badge.className = `status-badge status status-${status}`;
        badge.textContent = text.statuses[status] || status;
        const result = item.querySelector('.result');
        result.hidden = false;
        const counts = result.querySelector('.counts');
        counts.hidden = !summary;
        if (summary) {
            for (const dd of counts.querySelectorAll('[data-count]')) dd.textContent = number.format(summary[dd.dataset.count] || 0);
        }
        result.querySelector('.message').textContent = (summary && summary.message) || job.message || '';
        if (job.import_id) {
            const links = result.querySelector('.links');
            links.hidden = false;
            links.querySelector('.detail-link').href = `/imports/${job.import_id}`;
        }
        refresh();
    }

    async function jobs() {
        const response = await fetch('/imports/jobs', { headers: { Accept: 'application/json' }, cache: 'no-store' });
        if (response.redirected || !response.ok) throw new Error(text.signedOut);
        return response.json();
    }

    // Once a second while a followed job is unfinished; the first look comes sooner, right after an upload.
    function poll(delay = 1000) {
        if (polling) return;
        polling = window.setTimeout(async () => {
            polling = null;
            try {
                for (const job of await jobs()) {
                    const item = tracked.get(job.job_id);
                    if (item) show(item, job);
                }
            } catch (error) {
                for (const item of tracked.values()) item.querySelector('.stage-text').textContent = text.signedOut;
                return;
            }
            if (tracked.size > 0) poll();
        }, delay);
    }

    // The history and the surveys to confirm, as the server now has them, without reloading the page.
    let refreshing = null;
    function refresh() {
        if (refreshing) return;
        refreshing = window.setTimeout(async () => {
            refreshing = null;
            const response = await fetch(window.location.href, { cache: 'no-store' });
            if (!response.ok) return;
            const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
            for (const id of ['history', 'unconfirmed']) {
                const now = document.getElementById(id), next = fresh.getElementById(id);
                if (now && next) now.replaceWith(document.importNode(next, true));
            }
        }, 200);
    }

    function sendAll(files) {
        for (const file of files) send(file);
    }

    input.addEventListener('change', () => {
        sendAll(Array.from(input.files));
        input.value = '';
    });
    for (const name of ['dragenter', 'dragover']) {
        dropzone.addEventListener(name, event => {
            event.preventDefault();
            dropzone.classList.add('over');
        });
    }
    dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
    dropzone.addEventListener('drop', event => {
        event.preventDefault();
        dropzone.classList.remove('over');
        sendAll(Array.from(event.dataTransfer.files));
    });

    // Imports still queued or running when the page opens (the inbox, the API, another window) are followed too.
    jobs().then(all => {
        for (const job of all.filter(j => !finished.has(j.state)).reverse()) {
            if (tracked.has(job.job_id)) continue;
            const item = card(job.file, null);
            item.querySelector('.upload-row').hidden = true;
            follow(job.job_id, item);
            show(item, job);
        }
        if (tracked.size > 0) poll();
    }).catch(() => { /* the first poll after an upload says it */ });
})();
