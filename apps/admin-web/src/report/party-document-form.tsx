import { FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useMessages } from '../i18n/language';
import { reportMessages } from '../i18n/messages/report';
import { LoadErrorAlert } from '../lists/load-error-alert';
import type { DocumentFields } from './export-file';
import { ReportTasksDocument, SaveReportTasksDocument } from './report-documents';
import { type ExportParams, useReportExport } from './use-report-export';

/**
 * The Word report as a party document: the tasks ahead (section III, saved with the report), the
 * number, the recipients and the signer, then the download. The tasks are saved on the server; the
 * other fields only go into the file.
 */
export function PartyDocumentForm({ params }: { params: ExportParams | null }) {
  const { t, language } = useMessages(reportMessages);
  const variables = params ? { directiveId: params.directiveId, scopeId: params.scopeId, from: params.from ?? null, to: params.to } : null;
  const saved = useQuery(ReportTasksDocument, variables ? { variables, fetchPolicy: 'network-only' } : skipToken);
  const [save, saving] = useMutation(SaveReportTasksDocument);
  const [tasks, setTasks] = useState('');
  const [fields, setFields] = useState<DocumentFields>({});
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const { state, run } = useReportExport(language);
  const savedText = saved.data?.reportTasks?.text;

  // The saved text fills the area when it loads (another report, or the answer to a save).
  useEffect(() => {
    setTasks(savedText ?? '');
  }, [savedText]);
  // Another report (directive, place or period): the last save's message was about the previous one.
  const reportKey = variables ? `${variables.directiveId} ${variables.scopeId} ${variables.from ?? ''} ${variables.to}` : '';
  useEffect(() => {
    if (reportKey) setFeedback(null);
  }, [reportKey]);

  const onSave = async () => {
    if (!variables) return;
    setFeedback(null);
    try {
      const result = await save({
        variables: { input: { ...variables, text: tasks } },
        refetchQueries: [{ query: ReportTasksDocument, variables }],
      });
      const answer = result.data?.saveReportTasks;
      if (answer?.__typename === 'MutationSaveReportTasksSuccess') setFeedback({ ok: true, text: t('report.document.saved') });
      else
        setFeedback({
          ok: false,
          text: answer && 'localizedMessage' in answer ? answer.localizedMessage[language] : t('report.document.saveFailed'),
        });
    } catch (error) {
      setFeedback({ ok: false, text: error instanceof Error ? error.message : t('report.document.saveFailed') });
    }
  };

  const busy = state.phase === 'preparing' || state.phase === 'downloading';
  const field = (name: keyof DocumentFields) => ({
    value: fields[name] ?? '',
    onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value })),
  });

  return (
    <Card title={t('report.document.title')} data-testid="party-document">
      <Typography.Paragraph type="secondary">{t('report.document.hint')}</Typography.Paragraph>
      {saved.error && <LoadErrorAlert title={t('report.document.loadFailed')} error={saved.error} onRetry={() => void saved.refetch()} />}
      <Form layout="vertical" style={{ maxWidth: 900 }}>
        <Form.Item label={t('report.document.tasks')} htmlFor="report-tasks">
          <Input.TextArea
            id="report-tasks"
            data-testid="report-tasks"
            rows={6}
            maxLength={20000}
            placeholder={t('report.document.tasksPlaceholder')}
            value={tasks}
            disabled={!variables || saved.loading}
            onChange={(e) => setTasks(e.target.value)}
          />
        </Form.Item>
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Button
            icon={<SaveOutlined />}
            onClick={() => void onSave()}
            loading={saving.loading}
            disabled={!variables}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('report.document.saveTasks')}
          </Button>
          <div aria-live="polite">
            {feedback && (
              <Alert type={feedback.ok ? 'success' : 'error'} showIcon title={feedback.text} data-testid="report-tasks-feedback" />
            )}
          </div>
        </Flex>
        <Flex wrap gap={16}>
          <Form.Item label={t('report.document.number')} htmlFor="document-number" style={{ flex: '1 1 160px' }}>
            <Input id="document-number" placeholder={t('report.document.numberPlaceholder')} maxLength={20} {...field('number')} />
          </Form.Item>
          <Form.Item label={t('report.document.signerPosition')} htmlFor="document-signer-position" style={{ flex: '1 1 200px' }}>
            <Input
              id="document-signer-position"
              placeholder={t('report.document.signerPositionPlaceholder')}
              maxLength={200}
              {...field('signerPosition')}
            />
          </Form.Item>
          <Form.Item label={t('report.document.signerName')} htmlFor="document-signer-name" style={{ flex: '1 1 200px' }}>
            <Input id="document-signer-name" maxLength={200} {...field('signerName')} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('report.document.recipients')} htmlFor="document-recipients">
          <Input.TextArea
            id="document-recipients"
            rows={4}
            placeholder={t('report.document.recipientsPlaceholder')}
            {...field('recipients')}
          />
        </Form.Item>
        <Button
          type="primary"
          icon={<FileWordOutlined />}
          loading={busy}
          disabled={!params}
          onClick={() => {
            if (params) void run('docx', { ...params, document: fields });
          }}
        >
          {t('report.document.download')}
        </Button>
        <div aria-live="polite" style={{ marginTop: 8 }}>
          {state.phase === 'done' && (
            <Typography.Text type="success" data-testid="document-done">
              {t('report.export.done', { name: state.fileName })}
            </Typography.Text>
          )}
          {state.phase === 'failed' && <Alert type="error" showIcon title={t('report.export.failedTitle')} description={state.message} />}
        </div>
      </Form>
    </Card>
  );
}
